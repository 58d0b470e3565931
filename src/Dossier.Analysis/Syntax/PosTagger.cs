using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Dossier.Analysis.Models;
using Dossier.Analysis.Pipeline;
using Dossier.Text;

namespace Dossier.Analysis.Syntax;

/// <summary>
/// Pipeline component that adds UPOS, XPOS, lemma and UD features to every token, sentence by
/// sentence. The model is loaded on first use (from <see cref="ModelFiles"/> unless one is given)
/// and shared; the component is thread-safe.
/// </summary>
public sealed class PosTagger : IPipelineComponent
{
    /// <summary>File name of the shipped English model in <c>models/</c>.</summary>
    public const string ModelFileName = "en-ewt-tagger.gz";

    private readonly Lazy<PosTaggerModel> _model;

    /// <summary>Uses the shipped model, loaded lazily.</summary>
    public PosTagger()
        : this(new Lazy<PosTaggerModel>(() => PosTaggerModel.Load(ModelFiles.PathOf(ModelFileName))))
    {
    }

    /// <summary>Uses <paramref name="model"/>.</summary>
    public PosTagger(PosTaggerModel model)
        : this(new Lazy<PosTaggerModel>(model))
    {
    }

    private PosTagger(Lazy<PosTaggerModel> model)
    {
        _model = model;
    }

    /// <summary>The model (loads it on first access).</summary>
    public PosTaggerModel Model => _model.Value;

    /// <inheritdoc />
    public string Name => "tagger";

    /// <inheritdoc />
    public Layers Requires => Layers.Tokens | Layers.Sentences;

    /// <inheritdoc />
    public Layers Produces => Layers.Tags;

    /// <inheritdoc />
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var model = Model;
        var tags = new TokenTags[document.Tokens.Length];
        var forms = new string[document.Tokens.Length];
        for (var i = 0; i < forms.Length; i++)
        {
            forms[i] = FormNormalizer.Normalize(document.TokenText(i));
        }

        // Abbreviations are defined once ("Islamic State (IS") and used all through the article.
        var properNouns = Abbreviations.DefinedIn(forms);
        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            model.TagNormalized(
                forms.AsSpan(sentence.FirstToken, sentence.TokenCount), tags.AsSpan(sentence.FirstToken, sentence.TokenCount), properNouns);
        }

        return document with { Tags = ImmutableCollectionsMarshal.AsImmutableArray(tags) };
    }
}
