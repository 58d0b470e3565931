using System.Collections.Immutable;
using Dossier.Text;

namespace Dossier.Corpora.PolNear;

/// <summary>One gold attribution relation: content, cue and source, each possibly discontinuous (several spans).</summary>
/// <param name="Content">What is attributed.</param>
/// <param name="Cue">The reporting cue ("said").</param>
/// <param name="Source">The speaker span; empty for attributions without a source.</param>
public sealed record GoldAttribution(ImmutableArray<TextSpan> Content, ImmutableArray<TextSpan> Cue, ImmutableArray<TextSpan> Source);

/// <summary>One PolNeAR article: its text and one annotator's attributions.</summary>
/// <param name="Name">The article's file name without extension.</param>
/// <param name="Text">The article text (title line, blank line, body).</param>
/// <param name="Attributions">Gold attributions.</param>
public sealed record PolNearArticle(string Name, string Text, ImmutableArray<GoldAttribution> Attributions);
