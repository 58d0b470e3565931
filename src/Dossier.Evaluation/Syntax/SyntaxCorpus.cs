using Dossier.Analysis.Syntax;
using Dossier.Corpora.Conllu;

namespace Dossier.Evaluation.Syntax;

/// <summary>Turns CoNLL-U sentences into <see cref="AnnotatedSentence"/>s (syntactic words, gold tokenisation).</summary>
public static class SyntaxCorpus
{
    /// <summary>Reads every sentence of a CoNLL-U file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static IReadOnlyList<AnnotatedSentence> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"CoNLL-U file '{path}' was not found.", path);
        }

        return [.. ConlluReader.ReadFile(path).Select(ToAnnotated)];
    }

    /// <summary>The words of <paramref name="sentence"/> with all their columns.</summary>
    public static AnnotatedSentence ToAnnotated(ConlluSentence sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var words = sentence.Words;
        return new AnnotatedSentence(
            [.. words.Select(w => w.Form)],
            [.. words.Select(w => w.Upos)],
            [.. words.Select(w => w.Xpos)],
            [.. words.Select(w => w.Lemma)],
            [.. words.Select(w => w.Features)],
            [.. words.Select(w => Math.Max(0, w.Head))],
            [.. words.Select(w => w.Relation)]);
    }
}
