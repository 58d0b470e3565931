using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Dossier.Analysis.Models;
using Dossier.Analysis.Pipeline;
using Dossier.Text;

namespace Dossier.Analysis.Syntax;

/// <summary>
/// Pipeline component that adds a dependency tree per sentence (head + UD relation per token,
/// heads as document-wide token indices, -1 for the root) from the tokens and predicted tags.
/// The model is loaded on first use (from <see cref="ModelFiles"/> unless one is given); the
/// component is thread-safe.
/// </summary>
public sealed class DependencyParser : IPipelineComponent
{
    /// <summary>File name of the shipped English model in <c>models/</c>.</summary>
    public const string ModelFileName = "en-ewt-parser.gz";

    /// <summary>File name of the shipped beam-search model (more accurate, several times slower).</summary>
    public const string BeamModelFileName = "en-ewt-parser-beam.gz";

    /// <summary>Environment variable that names another parser model: a file in <c>models/</c> or a path.</summary>
    public const string ModelVariable = "DOSSIER_PARSER";

    private readonly Lazy<DependencyParserModel> _model;

    /// <summary>Uses the shipped model (or the one <see cref="ModelVariable"/> names), loaded lazily.</summary>
    public DependencyParser()
        : this(new Lazy<DependencyParserModel>(() =>
            DependencyParserModel.Load(ModelPath(Environment.GetEnvironmentVariable(ModelVariable)))))
    {
    }

    /// <summary>Uses <paramref name="model"/>.</summary>
    public DependencyParser(DependencyParserModel model)
        : this(new Lazy<DependencyParserModel>(model))
    {
    }

    private DependencyParser(Lazy<DependencyParserModel> model)
    {
        _model = model;
    }

    /// <summary>
    /// The model file the default constructor loads: <paramref name="configured"/> (a file name in
    /// <c>models/</c>, e.g. <see cref="BeamModelFileName"/>, or a path) when given, else the shipped model.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file is not there.</exception>
    public static string ModelPath(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return ModelFiles.PathOf(ModelFileName);
        }

        if (File.Exists(configured))
        {
            return configured;
        }

        return ModelFiles.PathOf(configured);
    }

    /// <summary>The model (loads it on first access).</summary>
    public DependencyParserModel Model => _model.Value;

    /// <inheritdoc />
    public string Name => "parser";

    /// <inheritdoc />
    public Layers Requires => Layers.Tokens | Layers.Sentences | Layers.Tags;

    /// <inheritdoc />
    public Layers Produces => Layers.Dependencies;

    /// <inheritdoc />
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var model = Model;
        var dependencies = new Dependency[document.Tokens.Length];
        var state = new ArcHybridState();
        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = sentence.TokenCount;
            var forms = new string[n];
            var xpos = new string[n];
            for (var i = 0; i < n; i++)
            {
                forms[i] = FormNormalizer.Normalize(document.TokenText(sentence.FirstToken + i));
                xpos[i] = document.Tags[sentence.FirstToken + i].Xpos;
            }

            var heads = new int[n];
            var labels = new int[n];
            model.ParseNormalized(forms, xpos, heads, labels, state);
            for (var i = 0; i < n; i++)
            {
                var head = heads[i] == 0 ? -1 : sentence.FirstToken + heads[i] - 1;
                dependencies[sentence.FirstToken + i] = new Dependency(head, model.Relations[labels[i]]);
            }
        }

        return document with { Dependencies = ImmutableCollectionsMarshal.AsImmutableArray(dependencies) };
    }
}
