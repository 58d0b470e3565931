namespace Dossier.Text.Events;

/// <summary>
/// One side of a coded event: the mention that names the actor and its codes from the knowledge base.
/// </summary>
/// <param name="Span">The mention as written ("Moscow", "the US", "Pakistani military commanders").</param>
/// <param name="ActorId">The knowledge-base actor ("RUS", "grp:taliban"), or null when the mention is not linked.</param>
/// <param name="Cameo">The CAMEO actor code: country plus sector ("RUSGOV", "USAMIL", "PAKMIL"), or null.</param>
/// <param name="Country">The alpha-3 code of the actor's country, or null.</param>
public sealed record EventActor(TextSpan Span, string? ActorId, string? Cameo, string? Country);

/// <summary>
/// A political event coded in CAMEO: who (<see cref="Source"/>) did what (<see cref="Code"/>) to whom
/// (<see cref="Target"/>), where and when, with the evidence it was read from. Spans are half-open UTF-16 ranges
/// into the document text. Immutable.
/// </summary>
/// <param name="Span">The evidence: the clause the trigger heads (the trigger with its arguments).</param>
/// <param name="Trigger">The predicate or event noun ("accused", "talks", "the criticism").</param>
/// <param name="Code">The CAMEO event code, 2 to 4 digits ("112").</param>
/// <param name="Source">Who acted, when found.</param>
/// <param name="Target">Whom it was done to, when found.</param>
/// <param name="Place">Where, as a place mention of the sentence, when found.</param>
/// <param name="Date">When: the sentence's date expression resolved to days, else the publication day.</param>
/// <param name="Negated">True when the text says the event did not happen ("did not attack").</param>
/// <param name="ClaimedBy">The speaker of the quote the event is reported in, when it is quoted.</param>
/// <param name="Origin">Component and lexicon entry that decided.</param>
public sealed record PoliticalEvent(
    TextSpan Span,
    TextSpan Trigger,
    string Code,
    EventActor? Source,
    EventActor? Target,
    TextSpan? Place,
    EventDate? Date,
    bool Negated,
    TextSpan? ClaimedBy,
    Provenance Origin);

/// <summary>The days an event happened in: the half-open interval <c>[Start, End)</c>.</summary>
/// <param name="Start">First day (inclusive), or null when open to the past.</param>
/// <param name="End">Day after the last (exclusive), or null when open to the future.</param>
/// <param name="FromPublication">True when the sentence gave no date and the publication day was used.</param>
public sealed record EventDate(DateOnly? Start, DateOnly? End, bool FromPublication);
