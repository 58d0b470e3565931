using System.Collections.Frozen;
using System.Collections.Immutable;
using Dossier.Knowledge.Actors;
using Dossier.Knowledge.Places;
using Dossier.Text;

namespace Dossier.Analysis.Geoparsing;

/// <summary>
/// A baseline toponym recogniser from the gazetteer alone, for reporting recognition scores until
/// the NER model supplies LOC/GPE mentions: capitalised runs of one to four words that the gazetteer
/// (or the knowledge base, for country names and demonyms) knows, longest first. Not a substitute
/// for NER: it cannot tell "Jordan" the country from Michael Jordan. Immutable; thread-safe.
/// </summary>
public sealed class GazetteerToponymFinder
{
    private readonly Gazetteer _gazetteer;
    private readonly KnowledgeBase? _knowledge;

    /// <summary>Creates a finder over a gazetteer and, optionally, the knowledge base.</summary>
    public GazetteerToponymFinder(Gazetteer gazetteer, KnowledgeBase? knowledge = null)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        _gazetteer = gazetteer;
        _knowledge = knowledge;
    }

    // Capitalised words that start sentences or name things other than places, and that GeoNames
    // also lists as some village somewhere: never a toponym on their own.
    private static readonly FrozenSet<string> Stop = new[]
    {
        "A", "An", "The", "This", "That", "These", "Those", "It", "Its", "He", "She", "We", "They", "I", "You", "His", "Her",
        "Our", "Their", "In", "On", "At", "By", "For", "From", "To", "Of", "With", "As", "But", "And", "Or", "If", "When",
        "While", "After", "Before", "Since", "Until", "During", "According", "Also", "However", "Meanwhile", "There", "Here",
        "What", "Who", "Why", "How", "Where", "Which", "Some", "Many", "Most", "All", "No", "Not", "One", "Two", "Three",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April",
        "May", "June", "July", "August", "September", "October", "November", "December", "Mr", "Mrs", "Ms", "Dr", "Sen",
        "Rep", "Gov", "President", "Minister", "Police", "Sheriff", "Judge", "Officer", "Chief", "Mayor", "Governor",
        "Department", "Office", "University", "College", "School", "Church", "Hospital", "Center", "Centre", "County",
        "City", "State", "News", "Post", "Times", "Daily", "Press", "Council", "Court", "Army", "Union", "Party", "Republic",
        "Street", "Road", "Avenue", "Lake", "River", "Mount", "Park", "Beach", "Hill", "Valley", "Island", "North", "South",
        "East", "West", "Central", "New", "Old", "Great", "Little", "Saint", "St", "Fort", "Port", "Home", "Hope", "Independence",
        "Liberty", "Friendship", "Commerce", "Industry", "Energy", "Health", "Security", "Justice", "Victory", "Unity", "Peace",
        "Christmas", "Easter", "God", "Jesus", "Christ", "Allah", "Internet", "Google", "Apple", "Twitter", "Facebook",
        "Public", "Man", "Act", "Chamber", "Business", "Middle", "Superior", "Western", "Eastern", "Northern", "Southern",
        "Northwest", "Northeast", "Southwest", "Southeast", "Ridge", "Bill", "Senate", "House", "Congress", "Federal", "National",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Toponym spans in text order; they never overlap.</summary>
    public ImmutableArray<TextSpan> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<(int Start, int End)>();
        for (var k = 0; k < text.Length;)
        {
            if (!char.IsLetter(text[k]))
            {
                k++;
                continue;
            }

            var start = k;
            while (k < text.Length && (char.IsLetter(text[k]) || (text[k] is '-' or '\'' && k + 1 < text.Length && char.IsLetter(text[k + 1]))
                || (text[k] == '.' && k - start == 1 && char.IsUpper(text[start]))))
            {
                k++;
            }

            words.Add((start, k));
        }

        var result = ImmutableArray.CreateBuilder<TextSpan>();
        for (var w = 0; w < words.Count; w++)
        {
            if (!char.IsUpper(text[words[w].Start]))
            {
                continue;
            }

            for (var length = Math.Min(4, words.Count - w); length >= 1; length--)
            {
                // Every word of a multi-word name is capitalised, or a short connective ("of", "de", "al").
                var ok = true;
                for (var x = w + 1; x < w + length && ok; x++)
                {
                    var word = text.AsSpan(words[x].Start, words[x].End - words[x].Start);
                    ok = char.IsUpper(word[0]) || word is "of" or "de" or "al" or "el" or "la" or "upon" or "on";
                    ok &= words[x].Start - words[x - 1].End == 1;
                }

                if (!ok || !char.IsUpper(text[words[w + length - 1].Start]))
                {
                    continue;
                }

                var span = new TextSpan(words[w].Start, words[w + length - 1].End);
                var name = text.AsSpan(span.Start, span.Length);
                if (length == 1 && (Stop.Contains(name.ToString()) || name.Length < 3))
                {
                    continue;
                }

                // A lone capitalised word inside a run of capitalised words is usually part of a
                // person's or an organisation's name ("David Jones", "Lincoln Financial"), unless it
                // is a well-known area ("Texas Legislature").
                if (length == 1 && InCapitalisedRun(text, words, w) && !IsKnownArea(name))
                {
                    continue;
                }

                if (IsPlace(name, length, SentenceInitial(text, span.Start)))
                {
                    result.Add(span);
                    w += length - 1;
                    break;
                }

                // A longer run that names an organisation ("Washington Post", "Islamic State") is not a place.
                if (length > 1 && _knowledge is not null && _knowledge.Index.TryGet(name, out var actors)
                    && actors.Any(a => a.Actor.Type is not (ActorType.Country or ActorType.Region)))
                {
                    w += length - 1;
                    break;
                }
            }
        }

        return result.ToImmutable();
    }

    private bool IsPlace(ReadOnlySpan<char> name, int words, bool sentenceInitial)
    {
        if (_knowledge is not null && _knowledge.Index.TryGet(name, out var actors))
        {
            foreach (var candidate in actors)
            {
                if (candidate.Actor.Type is ActorType.Country or ActorType.Region && candidate.Kind != NameKind.Seat)
                {
                    return true;
                }
            }
        }

        if (!_gazetteer.TryGet(name, out var places))
        {
            return false;
        }

        // One capitalised word at the start of a sentence is usually just a capitalised word:
        // demand a well-known place there (a country, a state, or a town of 50,000).
        var best = places[0];
        var known = best.Kind is PlaceKind.Country or PlaceKind.Admin1 or PlaceKind.Region or PlaceKind.Capital || best.Population >= 50_000;
        if (words == 1 && sentenceInitial)
        {
            return known;
        }

        return words > 1 || known || best.Population >= 1_000 || best.Kind is PlaceKind.AdminSeat or PlaceKind.Admin2;
    }

    private static bool InCapitalisedRun(string text, List<(int Start, int End)> words, int w)
    {
        // The previous word counts unless it is a capitalised function word ("In Lincoln").
        var before = w > 0 && words[w].Start - words[w - 1].End == 1 && char.IsUpper(text[words[w - 1].Start])
            && !Stop.Contains(text[words[w - 1].Start..words[w - 1].End]);
        var after = w + 1 < words.Count && words[w + 1].Start - words[w].End == 1 && char.IsUpper(text[words[w + 1].Start]);
        return before || after;
    }

    private bool IsKnownArea(ReadOnlySpan<char> name)
    {
        if (_knowledge is not null && _knowledge.Index.TryGet(name, out var actors)
            && actors.Any(a => a.Actor.Type is ActorType.Country or ActorType.Region && a.Kind != NameKind.Seat))
        {
            return true;
        }

        return _gazetteer.TryGet(name, out var places)
            && places[0].Kind is PlaceKind.Country or PlaceKind.Admin1 or PlaceKind.Capital or PlaceKind.Region;
    }

    private static bool SentenceInitial(string text, int start)
    {
        for (var k = start - 1; k >= 0; k--)
        {
            if (text[k] is ' ' or '"' or '“' or '\'' or '(')
            {
                continue;
            }

            return text[k] is '.' or '!' or '?' or '\n' or ':';
        }

        return true;
    }
}
