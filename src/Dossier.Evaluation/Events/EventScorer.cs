using System.Collections.Immutable;
using Dossier.Evaluation.Scoring;
using Dossier.Knowledge.Events;
using Dossier.Text.Events;

namespace Dossier.Evaluation.Events;

/// <summary>One gold event record: a sentence with one event type and the CAMEO codes of its source and target actors.</summary>
/// <param name="Id">The record's id.</param>
/// <param name="Text">The sentence.</param>
/// <param name="Event">The gold PLOVER event type, already mapped to the current 16 types.</param>
/// <param name="Sources">CAMEO codes of the gold source actors (any one counts).</param>
/// <param name="Targets">CAMEO codes of the gold target actors (any one counts).</param>
public sealed record EventGoldRecord(string Id, string Text, string Event, ImmutableArray<string> Sources, ImmutableArray<string> Targets);

/// <summary>A record whose gold type was missed, that got an event type the gold does not have, or whose true positive has a wrong actor.</summary>
/// <param name="Record">The gold record.</param>
/// <param name="Hit">Whether the gold type was among the predictions (then the error is an extra type or a wrong actor).</param>
/// <param name="Predicted">The PLOVER types predicted for the record.</param>
/// <param name="Events">The coded events of the record.</param>
public sealed record EventError(EventGoldRecord Record, bool Hit, ImmutableArray<string> Predicted, ImmutableArray<PoliticalEvent> Events);

/// <summary>Event-coding scores over a set of gold records.</summary>
/// <param name="Records">How many records were scored.</param>
/// <param name="Types">Event types: correct = true positives, predicted = all predicted types, gold = records.</param>
/// <param name="PerType">The same counts per PLOVER type (gold count = records of that type).</param>
/// <param name="Source">Source actors right (correct) among true positives whose gold has a source (gold).</param>
/// <param name="Target">Target actors right (correct) among true positives whose gold has a target (gold).</param>
/// <param name="Errors">Records with a miss, an extra type or a wrong actor on the true positive, in input order.</param>
public sealed record EventScores(
    int Records, PrfScore Types, ImmutableSortedDictionary<string, PrfScore> PerType, PrfScore Source, PrfScore Target,
    ImmutableArray<EventError> Errors)
{
    /// <summary>Source and target together: share of checked actors that were right.</summary>
    public double ActorAccuracy => Source.Gold + Target.Gold == 0 ? 0 : (double)(Source.Correct + Target.Correct) / (Source.Gold + Target.Gold);
}

/// <summary>
/// Scores coded events against PLOVER gold records. Each record is one sentence with one gold event; its predictions
/// are the distinct PLOVER types (through the codebook's CAMEO→PLOVER mapping) of its coded, non-negated events, leaving
/// out CAMEO statements PLOVER has no type for (<c>OTHER</c>). The gold type among them is a true positive, every other
/// type a false positive; a record whose gold type is missing is a false negative. On a true positive the first event
/// of the gold type is checked: an actor is right when the first three letters of its CAMEO code (else its country)
/// equal the first three of a gold actor's code (the country or IGO/group prefix).
/// </summary>
public sealed class EventScorer
{
    private readonly CameoCodebook _codebook;
    private readonly SortedDictionary<string, PrfScore> _perType = new(StringComparer.Ordinal);
    private readonly ImmutableArray<EventError>.Builder _errors = ImmutableArray.CreateBuilder<EventError>();
    private int _records;
    private PrfScore _types;
    private PrfScore _source;
    private PrfScore _target;

    /// <summary>Creates a scorer that maps CAMEO codes to PLOVER through <paramref name="codebook"/>.</summary>
    public EventScorer(CameoCodebook codebook)
    {
        ArgumentNullException.ThrowIfNull(codebook);
        _codebook = codebook;
    }

    /// <summary>Adds one record and the events coded on its text.</summary>
    public void Add(EventGoldRecord gold, IEnumerable<PoliticalEvent> events)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(events);
        var coded = events.ToImmutableArray();
        var predicted = new Dictionary<string, PoliticalEvent>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var politicalEvent in coded)
        {
            if (!politicalEvent.Negated && _codebook.TryGet(politicalEvent.Code, out var cameo) && cameo.PloverEvent != "OTHER"
                && predicted.TryAdd(cameo.PloverEvent, politicalEvent))
            {
                order.Add(cameo.PloverEvent);
            }
        }

        _records++;
        var hit = predicted.TryGetValue(gold.Event, out var match);
        var extra = predicted.Count - (hit ? 1 : 0);
        _types += new PrfScore(hit ? 1 : 0, predicted.Count, 1);
        Bump(gold.Event, new PrfScore(hit ? 1 : 0, hit ? 1 : 0, 1));
        foreach (var type in order.Where(type => type != gold.Event))
        {
            Bump(type, new PrfScore(0, 1, 0));
        }

        var actorWrong = false;
        if (match is not null)
        {
            if (!gold.Sources.IsDefaultOrEmpty)
            {
                var right = Agrees(match.Source, gold.Sources);
                _source += new PrfScore(right ? 1 : 0, 1, 1);
                actorWrong |= !right;
            }

            if (!gold.Targets.IsDefaultOrEmpty)
            {
                var right = Agrees(match.Target, gold.Targets);
                _target += new PrfScore(right ? 1 : 0, 1, 1);
                actorWrong |= !right;
            }
        }

        if (!hit || extra > 0 || actorWrong)
        {
            _errors.Add(new EventError(gold, hit, [.. order], coded));
        }
    }

    /// <summary>The scores of every record added so far.</summary>
    public EventScores Result() =>
        new(_records, _types, _perType.ToImmutableSortedDictionary(StringComparer.Ordinal), _source, _target, _errors.ToImmutable());

    /// <summary>True when the actor's code (else country) shares its first three letters with a gold code.</summary>
    public static bool Agrees(EventActor? actor, IEnumerable<string> gold)
    {
        ArgumentNullException.ThrowIfNull(gold);
        var code = actor?.Cameo ?? actor?.Country;
        return code is { Length: >= 3 } && gold.Any(g => g.Length >= 3 && string.CompareOrdinal(g, 0, code, 0, 3) == 0);
    }

    private void Bump(string type, PrfScore score) => _perType[type] = _perType.GetValueOrDefault(type) + score;
}
