using Dossier.Corpora.Conllu;

namespace Dossier.Benchmarks;

/// <summary>
/// Text to benchmark on: the raw text of UD English EWT train (../shared/data, not in the repo)
/// when present, else the seed article repeated to a similar size, so benchmarks always run.
/// </summary>
internal static class BenchmarkText
{
    public static (string Text, string Source) Load()
    {
        var ewt = FindUp(Path.Combine("shared", "data", "ud-english-ewt", "en_ewt-ud-train.conllu"));
        if (ewt is not null)
        {
            var paragraphs = new List<string>();
            var current = new List<string>();
            foreach (var sentence in ConlluReader.ReadFile(ewt))
            {
                if (sentence.StartsParagraph && current.Count > 0)
                {
                    paragraphs.Add(string.Join(' ', current));
                    current.Clear();
                }

                current.Add(sentence.Text ?? string.Empty);
            }

            paragraphs.Add(string.Join(' ', current));
            return (string.Join("\n\n", paragraphs), "UD English EWT train");
        }

        var seed = FindUp(Path.Combine("test", "fixtures", "rt-2017-12-23-isis-afghanistan.txt"))
            ?? throw new FileNotFoundException("Neither ../shared/data/ud-english-ewt nor test/fixtures was found above the working directory.");
        var article = File.ReadAllText(seed);
        return (string.Join("\n", Enumerable.Repeat(article, 400)), "seed article x400");
    }

    private static string? FindUp(string relative)
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
