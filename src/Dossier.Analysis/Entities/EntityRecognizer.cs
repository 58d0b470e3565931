using System.Collections.Immutable;
using Dossier.Analysis.Models;
using Dossier.Analysis.Pipeline;
using Dossier.Text;

namespace Dossier.Analysis.Entities;

/// <summary>
/// Finds named-entity mentions (PER, ORG, LOC, MISC as trained on CoNLL-2003) with a two-pass
/// averaged-perceptron BILOU tagger: the first pass reads each sentence with local, cluster and
/// gazetteer features; the second also sees the first pass's labels for every other occurrence of
/// the same word in the document, so "Kabulov" alone is tagged like "Zamir Kabulov" earlier.
/// Requires tokens and sentences; produces mentions (replacing any already there), each with
/// provenance <c>entities/perceptron</c>. Immutable and thread-safe: one instance serves many threads.
/// </summary>
public sealed class EntityRecognizer : IPipelineComponent
{
    /// <summary>File name of the shipped CoNLL-2003 model in <see cref="ModelFiles.Directory"/>.</summary>
    public const string DefaultModelFile = "ner-conll2003.bin.gz";

    private static readonly Provenance FirstPassSource = new("entities", "perceptron-pass1");
    private static readonly Provenance SecondPassSource = new("entities", "perceptron-pass2");

    private readonly bool _secondPass;

    internal EntityRecognizer(EntityModel model, bool secondPass = true)
    {
        Model = model;
        _secondPass = secondPass && model.SecondPass is not null;
    }

    /// <inheritdoc />
    public string Name => "entities";

    /// <inheritdoc />
    public Layers Requires => Layers.Tokens | Layers.Sentences;

    /// <inheritdoc />
    public Layers Produces => Layers.Mentions;

    /// <summary>The entity types this recognizer can produce.</summary>
    public ImmutableArray<string> Types => Model.Labels.Types;

    /// <summary>How the model was trained.</summary>
    public string ModelDescription => Model.Description;

    internal EntityModel Model { get; }

    /// <summary>Loads the shipped model (<see cref="DefaultModelFile"/>).</summary>
    /// <param name="secondPass">False runs the first pass only: faster, without document consistency.</param>
    /// <exception cref="FileNotFoundException">The model is not in <see cref="ModelFiles.Directory"/>.</exception>
    public static EntityRecognizer LoadDefault(bool secondPass = true) => Load(ModelFiles.PathOf(DefaultModelFile), secondPass);

    /// <summary>Loads a model written by <c>dossier train ner</c>.</summary>
    /// <param name="path">The gzip model file.</param>
    /// <param name="secondPass">False runs the first pass only.</param>
    /// <exception cref="InvalidDataException">The file is not an entity model of this format.</exception>
    public static EntityRecognizer Load(string path, bool secondPass = true) => new(EntityModel.Load(path), secondPass);

    /// <summary>Writes the model (gzip) so that <see cref="Load"/> reads it back.</summary>
    public void Save(string path) => Model.Save(path);

    /// <inheritdoc />
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        cancellationToken.ThrowIfCancellationRequested();
        var labels = Model.Tag(document.Text, document.Tokens.AsSpan(), document.Sentences.AsSpan(), _secondPass);
        return document with { Mentions = Model.Labels.Decode(labels, document.Tokens.AsSpan(), _secondPass ? SecondPassSource : FirstPassSource) };
    }
}
