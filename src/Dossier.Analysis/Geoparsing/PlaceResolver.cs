using System.Collections.Immutable;
using Dossier.Knowledge.Actors;
using Dossier.Knowledge.Names;
using Dossier.Knowledge.Places;
using Dossier.Text;

namespace Dossier.Analysis.Geoparsing;

/// <summary>
/// A toponym resolved to a gazetteer entry, with the rule that decided (for explanations).
/// </summary>
/// <param name="Span">The toponym in the text.</param>
/// <param name="Place">The chosen place, or null when no candidate was found.</param>
/// <param name="Rule">"qualified" (followed by its state or country), "context", "prior", "focus" (no candidate: the document's focus), or "none".</param>
/// <param name="CandidateCount">How many gazetteer entries carried the name.</param>
public readonly record struct ResolvedPlace(TextSpan Span, Place? Place, string Rule, int CandidateCount);

/// <summary>
/// Resolves toponyms (spans already found) to gazetteer entries with a population prior, the
/// document's country and state context, and coherence between the places of one document.
/// Immutable; thread-safe.
/// </summary>
/// <remarks>
/// Candidates: exact names only (case- and diacritic-insensitive; no edit distance, so "Albany"
/// never becomes "Albania"), after dropping "the" and a possessive, or a generic suffix ("Kunduz
/// province"); plus the country or region the knowledge base gives for an alias or adjective ("U.S.",
/// "American", "European" is Europe, not a mine called European). Short all-capital names must match
/// in capitals ("US" is not Us, France).
/// Score of a candidate, in points; the highest wins, ties go to the larger population:
/// <list type="bullet">
/// <item>prior: log10(population + 10); countries 13; states from the hand-written list
/// 8 + 0.3·log10(population), other divisions 6; capitals +1.5; division seats +1 (PPLA) / +0.5
/// (PPLA2); regions 7. Without context the best-known place wins: "Moscow" is Russia's capital.</item>
/// <item>qualified: "Bangor, Maine", "Albany, N.Y.": followed by a comma and a state or country that
/// contains the candidate, +8.</item>
/// <item>context (three rounds over the current choices): up to +5 by the share of the other names
/// whose reading lies in the candidate's country, up to +6 by the share in its state; country and
/// state names found anywhere else in the text vote too, and unresolved "X County" names vote USA.</item>
/// <item>coherence: 3 / 2 / 1 points within 25 / 100 / 400 km of another name's choice (or, at three
/// quarters, of any reading of a name with at most 20 readings), so a pair can flip together.</item>
/// <item>county pairing: a town whose county the article also names, and that county, +4 each
/// ("Huntsville" with "Walker County" is Huntsville, Texas).</item>
/// <item>a town named like a country ("Mexico", Missouri) gets half the context and coherence
/// points unless it lies within 25 km of another named place.</item>
/// </list>
/// A name the gazetteer lacks (a street, a building) takes the chosen town mentioned nearest in the
/// text within 300 characters ("nearby"), else the document's most-voted place ("focus").
/// </remarks>
public sealed class PlaceResolver
{
    private readonly Gazetteer _gazetteer;
    private readonly KnowledgeBase? _knowledge;

    /// <summary>Creates a resolver over a gazetteer and, optionally, the actor knowledge base (for country aliases such as "U.S.").</summary>
    public PlaceResolver(Gazetteer gazetteer, KnowledgeBase? knowledge = null)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        _gazetteer = gazetteer;
        _knowledge = knowledge;
    }

    /// <summary>
    /// Resolves the place mentions of <paramref name="document"/>: its LOC and GPE mentions (the
    /// recogniser's types), in text order.
    /// </summary>
    public ImmutableArray<ResolvedPlace> Resolve(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var spans = new List<TextSpan>();
        foreach (var mention in document.Mentions)
        {
            if (mention.Type is "LOC" or "GPE")
            {
                spans.Add(mention.Span);
            }
        }

        return Resolve(document.Text, spans);
    }

    /// <summary>Resolves every span in <paramref name="toponyms"/> (text order not required).</summary>
    public ImmutableArray<ResolvedPlace> Resolve(string text, IReadOnlyList<TextSpan> toponyms, bool useFocusFallback = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(toponyms);
        var n = toponyms.Count;
        var candidates = new ImmutableArray<Place>[n];
        for (var i = 0; i < n; i++)
        {
            candidates[i] = CandidatesFor(text.AsSpan(toponyms[i].Start, toponyms[i].Length));
        }

        var names = new string[n];
        var baseScores = new double[n][];
        var qualified = new bool[n];
        var chosen = new int[n];
        for (var i = 0; i < n; i++)
        {
            names[i] = NameKey.Of(text.AsSpan(toponyms[i].Start, toponyms[i].Length));
            var list = candidates[i];
            baseScores[i] = new double[list.Length];
            var qualifier = QualifierAfter(text, toponyms[i]);
            for (var c = 0; c < list.Length; c++)
            {
                baseScores[i][c] = Prior(list[c]);
                if (qualifier.Length > 0 && Contains(qualifier, list[c]))
                {
                    baseScores[i][c] += 8;
                    qualified[i] = true;
                }
            }

            chosen[i] = ArgMax(baseScores[i], list);
        }

        var priorChoice = (int[])chosen.Clone();

        // County pairing: a town and a county named in one article that fit together ("Huntsville"
        // and "Walker County" are both in Texas, and Huntsville, Texas, lies in Walker County) are
        // read together, whatever their other readings.
        var countyReadings = new Dictionary<(string, string, string), HashSet<string>>();
        var townReadings = new Dictionary<(string, string, string), HashSet<string>>();
        for (var i = 0; i < n; i++)
        {
            foreach (var place in candidates[i])
            {
                if (place.Admin2.Length > 0)
                {
                    AddName(place.Kind == PlaceKind.Admin2 ? countyReadings : townReadings, (place.Country, place.Admin1, place.Admin2), names[i]);
                }
            }
        }

        var textAreas = AreasNamedInText(text, toponyms);

        // Context, recomputed from the current choices: each other name whose reading lies in a
        // country (or state) votes for it, so "Paris" among Urbana and Crestwood goes to Paris,
        // Illinois. A toponym never votes for itself ("Georgia" does not make Georgia, US, likelier
        // by being a US state name). Then coherence: nearness to the other names' choices.
        for (var round = 0; round < 3; round++)
        {
            var countryVotes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            var admin1Votes = new Dictionary<(string, string), HashSet<string>>();
            foreach (var (key, area) in textAreas)
            {
                AddName(countryVotes, area.Country, key);
                if (area.Admin1.Length > 0)
                {
                    AddName(admin1Votes, (area.Country, area.Admin1), key);
                }
            }

            for (var i = 0; i < n; i++)
            {
                if (candidates[i].Length == 0)
                {
                    // "Henry County", "Rapides Parish": names of US second-order divisions,
                    // which the gazetteer lacks, still say the article is American.
                    if (IsUsDivisionName(names[i]))
                    {
                        AddName(countryVotes, "USA", names[i]);
                    }

                    continue;
                }

                var place = candidates[i][chosen[i]];
                if (place.Country.Length > 0)
                {
                    AddName(countryVotes, place.Country, names[i]);
                }

                if (place.Admin1.Length > 0)
                {
                    AddName(admin1Votes, (place.Country, place.Admin1), names[i]);
                }
            }

            var named = textAreas.Count;
            for (var i = 0; i < n; i++)
            {
                if ((candidates[i].Length > 0 || IsUsDivisionName(names[i])) && (i == 0 || Array.IndexOf(names, names[i], 0, i) < 0))
                {
                    named++;
                }
            }

            var next = new int[n];
            for (var i = 0; i < n; i++)
            {
                var list = candidates[i];

                // Votes count as a share of the other names (plus one, so that a single other
                // name is half-hearted evidence); a world round-up mentioning six Australian
                // places among forty does not turn Toronto Australian.
                var others = named - 1 + 1.0;
                if (list.Length < 2)
                {
                    continue;
                }

                // A town named like a country ("Mexico, Missouri") needs more than context to
                // beat the country: its context points count half.
                var namesCountry = list.Any(p => p.Kind == PlaceKind.Country);
                var scores = new double[list.Length];
                for (var c = 0; c < list.Length; c++)
                {
                    var place = list[c];
                    var coherence = Coherence(place, i, candidates, chosen, names);

                    // ... unless the town lies within 25 km of another place the article names
                    // (Palestine, Texas, next to Anderson County): then it is local news.
                    var contextScale = namesCountry && place.Kind != PlaceKind.Country && !(place.Kind == PlaceKind.Admin1 && place.Population > 0)
                        && coherence < 3 ? 0.5 : 1;
                    var score = baseScores[i][c];
                    if (place.Kind != PlaceKind.Country)
                    {
                        score += contextScale * CountryWeight * OtherVotes(countryVotes, place.Country, names[i]) / others;
                    }

                    if (place.Kind != PlaceKind.Admin1 && place.Admin1.Length > 0)
                    {
                        score += contextScale * Admin1Weight * OtherVotes(admin1Votes, (place.Country, place.Admin1), names[i]) / others;
                    }

                    if (place.Admin2.Length > 0
                        && OtherVotes(place.Kind == PlaceKind.Admin2 ? townReadings : countyReadings, (place.Country, place.Admin1, place.Admin2), names[i]) > 0)
                    {
                        score += CountyPairWeight;
                    }

                    scores[c] = score + (contextScale * coherence);
                }

                next[i] = ArgMax(scores, list);
            }

            chosen = next;
        }

        var focus = useFocusFallback ? Focus(candidates, chosen) : null;
        var result = ImmutableArray.CreateBuilder<ResolvedPlace>(n);
        for (var i = 0; i < n; i++)
        {
            var list = candidates[i];
            if (list.Length == 0)
            {
                var near = useFocusFallback ? NearestInText(i, candidates, chosen, toponyms) : null;
                result.Add(near is not null
                    ? new ResolvedPlace(toponyms[i], near, "nearby", 0)
                    : new ResolvedPlace(toponyms[i], focus, focus is null ? "none" : "focus", 0));
                continue;
            }

            var rule = qualified[i] ? "qualified" : list.Length == 1 ? "unique" : chosen[i] == priorChoice[i] ? "prior" : "context";
            result.Add(new ResolvedPlace(toponyms[i], list[chosen[i]], rule, list.Length));
        }

        return result.MoveToImmutable();
    }

    /// <summary>Every reading the resolver considers for <paramref name="name"/> (for diagnostics and oracle scores).</summary>
    public ImmutableArray<Place> Candidates(ReadOnlySpan<char> name) => CandidatesFor(name, out _);

    /// <summary>
    /// Gazetteer entries for a name, trying the usual news variants when the name itself is absent,
    /// plus the country or region the knowledge base gives for it ("U.S.", "American", "European").
    /// </summary>
    internal ImmutableArray<Place> CandidatesFor(ReadOnlySpan<char> name) => CandidatesFor(name, out _);

    /// <summary>As <see cref="CandidatesFor(ReadOnlySpan{char})"/>; <paramref name="matched"/> is the form the gazetteer knew ("Kabul" for "Kabul's").</summary>
    private ImmutableArray<Place> CandidatesFor(ReadOnlySpan<char> name, out string matched)
    {
        name = name.Trim();
        var fromKnowledge = KnowledgeAreas(name);
        var found = PreferPrimaryNames(GazetteerCandidates(name, out matched), matched);

        // Short all-capital names are acronyms: "US" is the United States, not Us in France. Keep
        // only places written exactly so. ("WASHINGTON" in a dateline is not an acronym.)
        if (NameKey.IsCaseSensitive(name) && name.Length <= 3 && !found.IsEmpty)
        {
            var exact = ImmutableArray.CreateBuilder<Place>();
            foreach (var place in found)
            {
                if (IsWrittenAs(place, name))
                {
                    exact.Add(place);
                }
            }

            found = exact.ToImmutable();
        }

        if (fromKnowledge.IsEmpty)
        {
            return found;
        }

        return found.IsEmpty ? fromKnowledge : [.. fromKnowledge, .. found.Where(p => !fromKnowledge.Contains(p))];
    }

    private static bool IsWrittenAs(Place place, ReadOnlySpan<char> name)
    {
        if (name.SequenceEqual(place.Name))
        {
            return true;
        }

        foreach (var alternate in place.AlternateNames)
        {
            if (name.SequenceEqual(alternate))
            {
                return true;
            }
        }

        return false;
    }

    private ImmutableArray<Place> GazetteerCandidates(ReadOnlySpan<char> name, out string matched)
    {
        matched = name.ToString();
        if (_gazetteer.TryGet(name, out var places))
        {
            return places;
        }

        // "the Netherlands", "Kabul's": the article and the possessive are not part of the name.
        if (name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) && _gazetteer.TryGet(name[4..], out places))
        {
            matched = name[4..].ToString();
            return places;
        }

        if ((name.EndsWith("'s", StringComparison.Ordinal) || name.EndsWith("’s", StringComparison.Ordinal))
            && _gazetteer.TryGet(name[..^2], out places))
        {
            matched = name[..^2].ToString();
            return places;
        }

        // "Washington state", "Kunduz province", "New York City": a generic word after the name.
        foreach (var suffix in GenericSuffixes)
        {
            if (name.Length > suffix.Length + 2 && name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && _gazetteer.TryGet(name[..^suffix.Length], out places))
            {
                matched = name[..^suffix.Length].ToString();
                return places;
            }
        }

        // Spelling conventions that differ between a text and the gazetteer.
        foreach (var variant in NameForms(name))
        {
            if (_gazetteer.TryGet(variant, out places))
            {
                matched = variant;
                return places;
            }
        }

        return [];
    }

    /// <summary>Below this population, a town known by the name only as an alternate is not a reading when others carry it as their name.</summary>
    private const long AlternateNameMinPopulation = 100_000;

    /// <summary>
    /// A town or city whose gazetteer name is not <paramref name="matched"/> (it was found through
    /// one of GeoNames' alternate names), while another reading carries that name as its own.
    /// </summary>
    private static bool IsAlternateReading(Place place, string matched, ImmutableArray<Place> readings)
    {
        if (place.Kind is not (PlaceKind.PopulatedPlace or PlaceKind.AdminSeat or PlaceKind.Capital) || NameKey.Equal(place.Name, matched))
        {
            return false;
        }

        foreach (var other in readings)
        {
            if (NameKey.Equal(other.Name, matched))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Alternate names are many and old (Aleppo was Berea; a Maryland village was once Jerusalem):
    /// when some places carry the name as their own, a town known by it only as an alternate stays
    /// a reading only if it is a city of 100,000 or more (Cologne for Köln, Newcastle for
    /// Newcastle upon Tyne, Moscow for Moskva), with its full prior: a penalty of 2.5 points
    /// for such cities lost 0.7 points of LGL accuracy (Moscow, Idaho; St. Petersburg, Florida).
    /// </summary>
    private static ImmutableArray<Place> PreferPrimaryNames(ImmutableArray<Place> found, string matched)
    {
        if (found.Length < 2)
        {
            return found;
        }

        var drop = 0;
        foreach (var place in found)
        {
            if (place.Population < AlternateNameMinPopulation && IsAlternateReading(place, matched, found))
            {
                drop++;
            }
        }

        if (drop == 0)
        {
            return found;
        }

        var kept = ImmutableArray.CreateBuilder<Place>(found.Length - drop);
        foreach (var place in found)
        {
            if (!(place.Population < AlternateNameMinPopulation && IsAlternateReading(place, matched, found)))
            {
                kept.Add(place);
            }
        }

        return kept.MoveToImmutable();
    }

    /// <summary>Abbreviated and spelled-out words of place names: the text may use either.</summary>
    private static readonly (string Short, string Long)[] NameWords =
    [
        ("St.", "Saint"), ("St", "Saint"), ("Ste.", "Sainte"), ("Ste", "Sainte"),
        ("Mt.", "Mount"), ("Mt", "Mount"), ("Ft.", "Fort"), ("Ft", "Fort"), ("Pt.", "Point"),
    ];

    /// <summary>
    /// Other spellings of <paramref name="name"/> that name the same place: an abbreviated first
    /// word written out or the reverse ("St. Catharines" / "Saint Catharines", "Mount Pleasant" /
    /// "Mt. Pleasant"), hyphens and spaces exchanged ("Saint-Denis" / "Saint Denis",
    /// "Stratford upon Avon" / "Stratford-upon-Avon"), and a county abbreviated ("Plymouth Co.").
    /// Tried only when the name itself is absent, so they never shadow an exact entry.
    /// </summary>
    internal static IEnumerable<string> NameForms(ReadOnlySpan<char> name)
    {
        var text = name.ToString();
        var forms = new List<string>();

        // Same words first: "Saint Denis" is Saint-Denis before it is St. Denis.
        if (text.Contains('-', StringComparison.Ordinal))
        {
            forms.Add(text.Replace('-', ' '));
        }
        else if (text.Contains(' ', StringComparison.Ordinal))
        {
            forms.Add(text.Replace(' ', '-'));
        }

        foreach (var (shortForm, longForm) in NameWords)
        {
            foreach (var separator in (ReadOnlySpan<char>)[' ', '-'])
            {
                if (text.StartsWith(shortForm + separator, StringComparison.OrdinalIgnoreCase))
                {
                    var rest = text[(shortForm.Length + 1)..];
                    forms.Add(longForm + ' ' + rest);
                    forms.Add(longForm + '-' + rest);
                }
                else if (!shortForm.EndsWith('.') && text.StartsWith(longForm + separator, StringComparison.OrdinalIgnoreCase))
                {
                    var rest = text[(longForm.Length + 1)..];
                    forms.Add(shortForm + ". " + rest);
                    forms.Add(shortForm + ' ' + rest);
                }
            }
        }

        foreach (var county in (ReadOnlySpan<string>)[" Co.", " Co"])
        {
            if (text.Length > county.Length + 2 && text.EndsWith(county, StringComparison.OrdinalIgnoreCase))
            {
                forms.Add(string.Concat(text.AsSpan(0, text.Length - county.Length), " County"));
            }
        }

        return forms.Distinct(StringComparer.Ordinal);
    }

    /// <summary>
    /// Countries named by a country name, alias or demonym ("U.S.", "DRC", "American", "Afghans"),
    /// and regions named by a region's name or adjective ("European" is Europe, never a mine called
    /// European). Seat metonyms are not used: "Moscow" is the city, which the gazetteer has.
    /// </summary>
    private ImmutableArray<Place> KnowledgeAreas(ReadOnlySpan<char> name)
    {
        if (_knowledge is null || !_knowledge.Index.TryGet(name, out var actors))
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<Place>();
        foreach (var candidate in actors)
        {
            if (candidate.Actor.Type == ActorType.Country && candidate.Kind is not NameKind.Seat
                && _gazetteer.TryGetCountry(candidate.Actor.Id.Value, out var country) && !result.Contains(country))
            {
                result.Add(country);
            }
            else if (candidate.Actor.Type == ActorType.Region && _gazetteer.TryGet(candidate.Actor.Name, out var regions))
            {
                foreach (var region in regions)
                {
                    if (region.Kind == PlaceKind.Region && !result.Contains(region))
                    {
                        result.Add(region);
                    }
                }
            }
        }

        return result.ToImmutable();
    }

    private static readonly string[] GenericSuffixes = [" City", " city", " Province", " province", " State", " state", " District", " district", " Governorate"];

    /// <summary>Prior score of a place before any context.</summary>
    internal static double Prior(Place place)
    {
        var logPopulation = Math.Log10(place.Population + 10);
        return place.Kind switch
        {
            PlaceKind.Country => 13,

            // Divisions from the hand-written list carry a population; the many from
            // @countrystatecity do not, and lose to a same-named city ("Kabul" the city, not the province).
            PlaceKind.Admin1 => place.Population > 0 ? 8 + (0.3 * logPopulation) : 6,
            PlaceKind.Capital => logPopulation + 1.5,
            PlaceKind.AdminSeat => logPopulation + (place.FeatureCode == "PPLA" ? 1 : 0.5),
            PlaceKind.Region => 7,
            _ => logPopulation,
        };
    }

    /// <summary>The places named by ", X" right after the toponym (up to the next comma, period or line end).</summary>
    private ImmutableArray<Place> QualifierAfter(string text, TextSpan toponym)
    {
        var i = toponym.End;
        if (i >= text.Length || text[i] != ',')
        {
            return [];
        }

        i++;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        var start = i;
        while (i < text.Length && i - start < 40 && text[i] is not (',' or ';' or '\n' or '(' or ')' or '"'))
        {
            i++;
        }

        // Try the longest prefix of words that names a division or country ("Maine", "N.Y.", "New York").
        var candidate = text.AsSpan(start, i - start).TrimEnd();
        for (var end = candidate.Length; end > 0; end = candidate[..end].TrimEnd().LastIndexOf(' '))
        {
            var words = candidate[..end].TrimEnd('.');
            var withDot = candidate[..end];
            foreach (var form in new[] { withDot.ToString(), words.ToString() })
            {
                var places = CandidatesFor(form);
                var areas = places.Where(p => p.Kind is PlaceKind.Admin1 or PlaceKind.Country).ToImmutableArray();
                if (areas.Length > 0)
                {
                    return areas;
                }
            }

            if (end <= 0)
            {
                break;
            }
        }

        return [];
    }

    private static bool Contains(ImmutableArray<Place> areas, Place place)
    {
        foreach (var area in areas)
        {
            if (area.Kind == PlaceKind.Country && area.Country == place.Country && place.Kind != PlaceKind.Country)
            {
                return true;
            }

            if (area.Kind == PlaceKind.Admin1 && area.Country == place.Country && area.Admin1.Length > 0
                && area.Admin1 == place.Admin1 && place.Kind != PlaceKind.Admin1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Closeness to the other names of the document: for each other name, the best of its
    /// readings (its current choice in full, any other reading at three quarters, and only for
    /// names with at most 20 readings, since "Springfield" is near everything): 3 points within
    /// 25 km, 2 within 100 km, 1 within 400 km. The best other name counts. Looking beyond the
    /// current choices lets a pair flip together: "Huntsville" with "Walker County" is Texas,
    /// even when Huntsville, Alabama, was chosen first.
    /// </summary>
    private static double Coherence(Place place, int self, ImmutableArray<Place>[] candidates, int[] chosen, string[] names)
    {
        var best = 0.0;
        for (var j = 0; j < candidates.Length; j++)
        {
            if (j == self || candidates[j].Length == 0 || string.Equals(names[j], names[self], StringComparison.Ordinal))
            {
                continue;
            }

            for (var k = 0; k < candidates[j].Length && k < 20; k++)
            {
                var other = candidates[j][k];
                if (other.Kind is PlaceKind.Country or PlaceKind.Admin1 or PlaceKind.Region || (k != chosen[j] && candidates[j].Length > 20))
                {
                    continue;
                }

                var distance = GreatCircle.DistanceKm(place.Latitude, place.Longitude, other.Latitude, other.Longitude);
                var closeness = distance < 25 ? 3 : distance < 100 ? 2 : distance < 400 ? 1 : 0;
                best = Math.Max(best, k == chosen[j] ? closeness : 0.75 * closeness);
            }
        }

        return best;
    }

    /// <summary>
    /// The document's focus: the most specific chosen place that most toponyms agree with
    /// (a city if one recurs, else the most named division or country). Used for names the
    /// gazetteer lacks (streets, counties): local news is about one area.
    /// </summary>
    private static Place? Focus(ImmutableArray<Place>[] candidates, int[] chosen)
    {
        var votes = new Dictionary<Place, int>(ReferenceEqualityComparer.Instance as IEqualityComparer<Place>);
        for (var i = 0; i < candidates.Length; i++)
        {
            if (candidates[i].Length == 0)
            {
                continue;
            }

            var place = candidates[i][chosen[i]];
            votes[place] = votes.GetValueOrDefault(place) + (place.Kind is PlaceKind.Country ? 1 : 2);
        }

        Place? focus = null;
        var bestVotes = 0;
        foreach (var (place, count) in votes)
        {
            if (count > bestVotes || (count == bestVotes && focus is not null && Prior(place) > Prior(focus)))
            {
                focus = place;
                bestVotes = count;
            }
        }

        return focus;
    }

    private static void AddName<TKey>(Dictionary<TKey, HashSet<string>> context, TKey key, string name)
        where TKey : notnull
    {
        if (!context.TryGetValue(key, out var names))
        {
            names = new HashSet<string>(StringComparer.Ordinal);
            context.Add(key, names);
        }

        names.Add(name);
    }

    private static bool IsUsDivisionName(string key) =>
        key.EndsWith(" county", StringComparison.Ordinal) || key.EndsWith(" parish", StringComparison.Ordinal)
        || key.EndsWith(" township", StringComparison.Ordinal);

    private static int OtherVotes<TKey>(Dictionary<TKey, HashSet<string>> votes, TKey key, string selfName)
        where TKey : notnull =>
        votes.TryGetValue(key, out var names) ? names.Count - (names.Contains(selfName) ? 1 : 0) : 0;

    /// <summary>Points for a town whose county the article names (and for that county).</summary>
    private const double CountyPairWeight = 4;

    /// <summary>Points when every other name votes for the candidate's country.</summary>
    private const double CountryWeight = 5;

    /// <summary>Points when every other name votes for the candidate's first-order division.</summary>
    private const double Admin1Weight = 6;

    /// <summary>
    /// Countries and first-order divisions named anywhere else in the text, outside the toponyms
    /// being resolved: "Illinois State Police", a dateline's "Tenn.", "the Texas Legislature".
    /// Only capitalised runs of one to three words whose most likely reading is a country or a
    /// state (with a population, i.e. from the hand-written list) count, each name once.
    /// </summary>
    private Dictionary<string, Place> AreasNamedInText(string text, IReadOnlyList<TextSpan> toponyms)
    {
        var found = new Dictionary<string, Place>(StringComparer.Ordinal);
        var covered = new bool[text.Length];
        foreach (var span in toponyms)
        {
            for (var k = span.Start; k < span.End && k < text.Length; k++)
            {
                covered[k] = true;
            }
        }

        var wordStarts = new List<int>();
        var wordEnds = new List<int>();
        for (var k = 0; k < text.Length;)
        {
            if (!char.IsLetter(text[k]))
            {
                k++;
                continue;
            }

            var start = k;
            while (k < text.Length && (char.IsLetter(text[k]) || text[k] is '\'' or '-' || (text[k] == '.' && k - start <= 4)))
            {
                k++;
            }

            wordStarts.Add(start);
            wordEnds.Add(k);
        }

        for (var w = 0; w < wordStarts.Count; w++)
        {
            if (!char.IsUpper(text[wordStarts[w]]) || covered[wordStarts[w]])
            {
                continue;
            }

            for (var length = Math.Min(3, wordStarts.Count - w); length >= 1; length--)
            {
                var end = wordEnds[w + length - 1];
                var name = text.AsSpan(wordStarts[w], end - wordStarts[w]);
                if (!_gazetteer.TryGet(name, out var places) && !(name.EndsWith(".") && _gazetteer.TryGet(name[..^1], out places)))
                {
                    continue;
                }

                var top = places[ArgMax([.. places.Select(Prior)], places)];
                if (top.Kind == PlaceKind.Country || (top.Kind == PlaceKind.Admin1 && top.Population > 0))
                {
                    found.TryAdd("text:" + NameKey.Of(name), top);
                    w += length - 1;
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>
    /// For a name the gazetteer lacks (a street, a county, a building), the chosen city or town
    /// mentioned closest to it in the text, within 300 characters: "the Henry County sheriff said
    /// … in Paris" is about Paris's county. Countries, divisions and regions are too coarse.
    /// </summary>
    private static Place? NearestInText(int self, ImmutableArray<Place>[] candidates, int[] chosen, IReadOnlyList<TextSpan> toponyms)
    {
        Place? best = null;
        var bestDistance = 300;
        for (var j = 0; j < candidates.Length; j++)
        {
            if (candidates[j].Length == 0)
            {
                continue;
            }

            var place = candidates[j][chosen[j]];
            if (place.Kind is PlaceKind.Country or PlaceKind.Admin1 or PlaceKind.Region)
            {
                continue;
            }

            var distance = Math.Min(Math.Abs(toponyms[j].Start - toponyms[self].End), Math.Abs(toponyms[self].Start - toponyms[j].End));
            if (distance < bestDistance)
            {
                best = place;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static int ArgMax(double[] scores, ImmutableArray<Place> places)
    {
        var best = 0;
        for (var i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best] || (scores[i] == scores[best] && places[i].Population > places[best].Population))
            {
                best = i;
            }
        }

        return best;
    }
}
