using Dossier.Analysis.Attribution;
using Dossier.Analysis.Claims;
using Dossier.Analysis.Dates;
using Dossier.Analysis.Entities;
using Dossier.Analysis.Events;
using Dossier.Analysis.Geoparsing;
using Dossier.Analysis.Linking;
using Dossier.Analysis.Models;
using Dossier.Analysis.Numbers;
using Dossier.Analysis.Syntax;
using Dossier.Analysis.Paragraphs;
using Dossier.Analysis.Pipeline;
using Dossier.Analysis.Sentences;
using Dossier.Analysis.Tokenization;
using Dossier.Knowledge.Actors;
using Dossier.Knowledge.Events;
using Dossier.Knowledge.Places;

namespace Dossier.Cli.Commands;

/// <summary>The segmentation stages every command starts with, built in one place.</summary>
internal static class SegmentationPipelines
{
    private static readonly Lazy<SentenceBoundaryModel> ShippedModel = new(() =>
    {
        using var stream = File.OpenRead(ModelFiles.PathOf(SentenceBoundaryModel.FileName));
        return SentenceBoundaryModel.Load(stream);
    });

    /// <summary>The shipped sentence-boundary model, loaded once on first use.</summary>
    public static SentenceBoundaryModel SentenceModel => ShippedModel.Value;

    /// <summary>Paragraphs, tokens and sentences, with the shipped sentence-boundary model.</summary>
    public static PipelineBuilder Create(ArticleLayout layout) => Create(layout, SentenceModel);

    /// <summary>Paragraphs, tokens and sentences with the given boundary model (null: the rules alone).</summary>
    public static PipelineBuilder Create(ArticleLayout layout, SentenceBoundaryModel? model) =>
        new PipelineBuilder()
            .Add(new ParagraphSegmenter(layout))
            .Add(new Tokenizer())
            .Add(new SentenceSplitter(model));

    /// <summary>
    /// The full analysis: segmentation, tags and lemmas, dependencies, entity mentions, numbers, dates and
    /// quotes, numeric claims and CAMEO events. Models load lazily on first use and are shared by every pipeline built here.
    /// </summary>
    public static PipelineBuilder Full(ArticleLayout layout) =>
        Create(layout)
            .Add(Tagger.Value)
            .Add(Parser.Value)
            .Add(Entities.Value)
            .Add(new MentionRefiner(Knowledge))
            .Add(new EntityLinker(Linker))
            .Add(new Geoparser(Resolver))
            .Add(new QuantityFinder())
            .Add(new TimeExpressionFinder())
            .Add(new QuoteAttributor(CueModel.Value))
            .Add(new RoleFinder())
            .Add(new ClaimBinder())
            .Add(EventCoder.Value);

    /// <summary>Segmentation, tags and dependencies: what the attribution-cue model is trained on.</summary>
    public static PipelineBuilder Parsed(ArticleLayout layout) => Create(layout).Add(Tagger.Value).Add(Parser.Value);

    private static readonly Lazy<AttributionCueModel?> CueModel = new(() =>
    {
        var path = Path.Combine(ModelFiles.Directory, AttributionCueModel.FileName);
        if (!File.Exists(path))
        {
            return null; // the rules and the parse sieve still run
        }

        using var stream = File.OpenRead(path);
        return AttributionCueModel.Load(stream);
    });

    // Every analysis applies the user's corrections (dossier actors add|alias|merge) on top of the shipped base;
    // a layer folder that does not exist changes nothing.
    private static readonly Lazy<KnowledgeBase> Knowledge = new(() =>
        KnowledgeBase.Load(KnowledgeBase.DefaultDirectory, [UserKnowledgeLayer.DefaultDirectory]));

    private static readonly Lazy<CameoCodebook> Cameo = new(() => CameoCodebook.Load(CameoCodebook.DefaultDirectory));

    /// <summary>The CAMEO codebook with its PLOVER mapping, loaded once on first use.</summary>
    public static CameoCodebook Codebook => Cameo.Value;

    private static readonly Lazy<CameoEventCoder> EventCoder = new(() =>
        new CameoEventCoder(EventLexicon.Load(CameoCodebook.DefaultDirectory), Cameo.Value, Knowledge.Value));

    /// <summary>The shipped knowledge base, loaded once on first use.</summary>
    public static KnowledgeBase KnowledgeBase => Knowledge.Value;
    private static readonly Lazy<ActorLinker> Linker = new(() => new ActorLinker(Knowledge.Value));
    private static readonly Lazy<PlaceResolver> Resolver = new(() => new PlaceResolver(Gazetteer.Load(Gazetteer.DefaultPath), Knowledge.Value));

    private static readonly Lazy<PosTagger> Tagger = new(() => new PosTagger());
    private static readonly Lazy<DependencyParser> Parser = new(() => new DependencyParser());
    private static readonly Lazy<EntityRecognizer> Entities = new(() => EntityRecognizer.LoadDefault());

    /// <summary>Paragraphs and tokens only (for training the sentence model).</summary>
    public static PipelineBuilder Tokens(ArticleLayout layout) =>
        new PipelineBuilder()
            .Add(new ParagraphSegmenter(layout))
            .Add(new Tokenizer());
}
