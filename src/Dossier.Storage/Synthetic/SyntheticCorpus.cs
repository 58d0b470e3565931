using System.Globalization;
using System.Text;
using System.Text.Json;
using Dossier.Text;
using Dossier.Text.Attribution;
using Dossier.Text.Claims;
using Dossier.Text.Knowledge;
using Dossier.Text.Quantities;

namespace Dossier.Storage.Synthetic;

/// <summary>
/// Generates analysed articles for load tests: each has a quoted numeric claim (speaker, channel, qualifier, subject,
/// measure, place), a coded event in its analysis JSON, linked mentions and geoparsed places, and filler sentences of
/// random words so that texts share few 5-word shingles (as independent articles do). Claimants, subjects, measures,
/// places and outlets are drawn from fixed pools and dates are spread over <c>days</c> days, so ledger queries over the
/// result select realistic slices. Deterministic for a seed; every span points at the text it names.
/// </summary>
public sealed class SyntheticCorpus
{
    private static readonly Provenance Origin = new("synthetic", "generator");

    private static readonly (string Name, string Country, double Latitude, double Longitude)[] PlacePool =
    [
        ("Afghanistan", "AFG", 33.94, 67.71), ("Syria", "SYR", 34.80, 38.99), ("Iraq", "IRQ", 33.22, 43.68), ("Libya", "LBY", 26.34, 17.23),
        ("Yemen", "YEM", 15.55, 48.52), ("Somalia", "SOM", 5.15, 46.20), ("Mali", "MLI", 17.57, -4.00), ("Nigeria", "NGA", 9.08, 8.68),
        ("Pakistan", "PAK", 30.38, 69.35), ("Ukraine", "UKR", 48.38, 31.17), ("Sudan", "SDN", 12.86, 30.22), ("Lebanon", "LBN", 33.85, 35.86),
    ];

    private static readonly (string Name, string Id, string Cameo)[] SubjectPool =
    [
        ("Islamic State", "grp:islamic-state", "IMGSUNISI"), ("Taliban", "grp:taliban", "AFGINS"), ("al-Qaeda", "grp:al-qaeda", "IMGSUNALQ"),
        ("al-Shabaab", "grp:al-shabaab", "SOMINSSHA"), ("Boko Haram", "grp:boko-haram", "NGAINSBOK"), ("Hezbollah", "grp:hezbollah", "LBNSHIHEZ"),
        ("the Houthis", "grp:houthis", "YEMINSHOU"), ("Wagner Group", "grp:wagner", "RUSMIL"),
    ];

    private static readonly string[] Measures = ["fighters", "killed", "wounded", "displaced", "troops", "detained"];

    private static readonly string[] Outlets =
    [
        "RT", "Sputnik", "TASS", "Reuters", "AP", "AFP", "Al Jazeera", "BBC", "Ariana News", "Al-Masdar News", "ABNA", "Jerusalem Online",
        "Xinhua", "Anadolu", "Dawn", "Tolo News", "The Guardian", "Le Monde", "Deutsche Welle", "NPR",
    ];

    private static readonly string[] Channels = ["RIA Novosti", "Interfax", "TASS", "Reuters", "state television", "a news conference", "CNN", "Al Arabiya"];

    private static readonly string[] CountryCodes = ["RUS", "USA", "GBR", "FRA", "CHN", "TUR", "IRN", "AFG", "SYR", "IRQ", "PAK", "IND"];

    private static readonly (string Qualifier, QuantityComparison Comparison)[] Qualifiers =
    [
        ("over", QuantityComparison.GreaterThan), ("at least", QuantityComparison.AtLeast), ("up to", QuantityComparison.AtMost),
        ("about", QuantityComparison.Approximately), ("", QuantityComparison.Exact),
    ];

    private static readonly (string Verb, string Code, string Name, double Goldstein, int QuadClass)[] Verbs =
    [
        ("met", "040", "Consult", 1, 1), ("accused", "112", "Accuse", -2, 3), ("threatened", "130", "Threaten", -4.4, 3),
        ("attacked", "190", "Use conventional military force", -10, 4), ("praised", "051", "Praise or endorse", 3.4, 1),
        ("aided", "070", "Provide aid", 7, 2),
    ];

    private readonly int _seed;
    private readonly DateOnly _from;
    private readonly int _days;
    private readonly string[] _vocabulary;
    private readonly (string Name, string Id, string Country)[] _people;

    /// <summary>A generator with its own <paramref name="seed"/>, dating articles from <paramref name="from"/> over <paramref name="days"/> days.</summary>
    public SyntheticCorpus(int seed = 9, DateOnly? from = null, int days = 3650, int claimants = 300)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(claimants, 1);
        _seed = seed;
        _from = from ?? new DateOnly(2015, 1, 1);
        _days = days;
        var random = new Random(seed);
        _vocabulary = [.. Enumerable.Range(0, 4000).Select(_ => Word(random))];
        _people = [.. Enumerable.Range(0, claimants).Select(i =>
        {
            var name = $"{Capitalised(Word(random))} {Capitalised(Word(random))}";
            return (name, $"per:{name.ToLowerInvariant().Replace(' ', '-')}-{i}", CountryCodes[random.Next(CountryCodes.Length)]);
        })];
    }

    /// <summary>The subject names the claims are about ("Islamic State" …), for building queries.</summary>
    public static IReadOnlyList<string> Subjects { get; } = [.. SubjectPool.Select(s => s.Name)];

    /// <summary>The measures claims count.</summary>
    public static IReadOnlyList<string> MeasureNames { get; } = Measures;

    /// <summary>The places claims are about.</summary>
    public static IReadOnlyList<string> PlaceNames { get; } = [.. PlacePool.Select(p => p.Name)];

    /// <summary>Claimant names, for building queries.</summary>
    public IReadOnlyList<string> Claimants => [.. _people.Select(p => p.Name)];

    /// <summary>Articles 0 … <paramref name="count"/> − 1 with keys "synthetic/N.txt"; each is generated on demand, so memory stays flat.</summary>
    public IEnumerable<(Document Document, string Key, string AnnotationsJson)> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Article(i);
        }
    }

    /// <summary>Article number <paramref name="index"/>: the same for the same seed and index.</summary>
    public (Document Document, string Key, string AnnotationsJson) Article(int index)
    {
        var random = new Random(HashCode.Combine(_seed, index));
        var text = new StringBuilder();
        TextSpan Append(string part)
        {
            var start = text.Length;
            text.Append(part);
            return new TextSpan(start, text.Length);
        }

        var person = _people[random.Next(_people.Length)];
        var channel = Channels[random.Next(Channels.Length)];
        var subject = SubjectPool[random.Next(SubjectPool.Length)];
        var measure = Measures[random.Next(Measures.Length)];
        var place = PlacePool[random.Next(PlacePool.Length)];
        var (qualifier, comparison) = Qualifiers[random.Next(Qualifiers.Length)];
        var value = (random.Next(1, 200) * 50) + 50;
        var outlet = Outlets[random.Next(Outlets.Length)];

        // A random word inside every stretch of template keeps unrelated articles from sharing 5-word shingles, as real
        // independent articles do not; without it every article would be a near-duplicate candidate of thousands.
        var headline = Append($"{Filler(random, 1)} {subject.Name} {measure} {Filler(random, 1)} in {place.Name}: {Filler(random, 3)}");
        text.Append("\n\n");
        var speaker = Append(person.Name);
        text.Append(' ');
        var cue = Append("told");
        text.Append(' ');
        var channelSpan = Append(channel);
        text.Append(' ').Append(Filler(random, 1)).Append(" that ");
        var contentStart = text.Length;
        var amount = Append((qualifier.Length > 0 ? qualifier + " " : string.Empty) + value.ToString("N0", CultureInfo.InvariantCulture));
        text.Append(' ').Append(Filler(random, 1)).Append(' ');
        var subjectSpan = Append(subject.Name);
        text.Append(' ');
        var measureSpan = Append(measure);
        text.Append(' ').Append(Filler(random, 1)).Append(" were in ");
        var placeSpan = Append(place.Name);
        var content = new TextSpan(contentStart, text.Length);
        text.Append(". ");
        for (var s = random.Next(3, 7); s > 0; s--)
        {
            text.Append(Capitalised(Filler(random, random.Next(8, 16)))).Append(". ");
        }

        var other = _people[random.Next(_people.Length)];
        var verb = Verbs[random.Next(Verbs.Length)];
        var eventPlace = PlacePool[random.Next(PlacePool.Length)];
        var actor = Append(other.Name);
        text.Append(' ').Append(verb.Verb).Append(' ');
        var target = Append(subject.Name);
        text.Append(' ').Append(Filler(random, 1)).Append(" near ");
        var eventPlaceSpan = Append(eventPlace.Name);
        var eventSpan = new TextSpan(actor.Start, eventPlaceSpan.End);
        text.Append('.');

        var interval = comparison switch
        {
            QuantityComparison.GreaterThan => new QuantityInterval(value, double.PositiveInfinity, false, false, false),
            QuantityComparison.AtLeast => new QuantityInterval(value, double.PositiveInfinity, true, false, false),
            QuantityComparison.AtMost => new QuantityInterval(0, value, true, true, false),
            QuantityComparison.Approximately => new QuantityInterval(value * 0.9, value * 1.1, true, true, true),
            _ => QuantityInterval.Point(value),
        };
        var numberSpan = new TextSpan(amount.End - value.ToString("N0", CultureInfo.InvariantCulture).Length, amount.End);
        var quantity = new Quantity(amount, numberSpan, value, interval, QuantityKind.Cardinal, comparison, null, null, false, Origin);
        var published = _from.AddDays(random.Next(_days));
        var document = new Document($"synthetic-{index}", text.ToString(), new DocumentMetadata(Title: text.ToString(headline.Start, headline.Length), Outlet: outlet, Published: published))
        {
            Mentions =
            [
                new Mention(speaker, 0, 0, "PER", Origin), new Mention(channelSpan, 0, 0, "ORG", Origin), new Mention(subjectSpan, 0, 0, "ORG", Origin),
                new Mention(placeSpan, 0, 0, "GPE", Origin), new Mention(actor, 0, 0, "PER", Origin), new Mention(target, 0, 0, "ORG", Origin),
                new Mention(eventPlaceSpan, 0, 0, "GPE", Origin),
            ],
            Links =
            [
                new EntityLink(speaker, person.Id, person.Name, person.Country + "GOV", person.Id, person.Country, Origin),
                new EntityLink(subjectSpan, subject.Id, subject.Name, subject.Cameo, subject.Id, null, Origin),
                new EntityLink(placeSpan, place.Country, place.Name, place.Country, place.Country, place.Country, Origin),
                new EntityLink(actor, other.Id, other.Name, other.Country + "GOV", other.Id, other.Country, Origin),
                new EntityLink(target, subject.Id, subject.Name, subject.Cameo, subject.Id, null, Origin),
                new EntityLink(eventPlaceSpan, eventPlace.Country, eventPlace.Name, eventPlace.Country, eventPlace.Country, eventPlace.Country, Origin),
            ],
            Places =
            [
                new PlaceReference(placeSpan, place.Name, place.Latitude, place.Longitude, place.Country, string.Empty, 0, Origin),
                new PlaceReference(eventPlaceSpan, eventPlace.Name, eventPlace.Latitude, eventPlace.Longitude, eventPlace.Country, string.Empty, 0, Origin),
            ],
            Quotes = [new Quote(content, QuoteKind.Indirect, cue, speaker, speaker, channelSpan, Origin)],
            Claims = [new Claim(amount, quantity, measure, measureSpan, subjectSpan, placeSpan, null, ClaimTrend.None, speaker, 0, Origin)],
        };

        var annotations = JsonSerializer.Serialize(new
        {
            id = document.Id,
            events = new[]
            {
                new
                {
                    start = eventSpan.Start, end = eventSpan.End, text = document.TextOf(eventSpan), code = verb.Code, root = verb.Code[..2], name = verb.Name,
                    goldstein = verb.Goldstein, quad_class = verb.QuadClass,
                    source = new { actor = other.Id, cameo = other.Country + "GOV", text = other.Name },
                    target = new { actor = subject.Id, cameo = subject.Cameo, text = subject.Name },
                    place = eventPlace.Name, date = published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), negated = false,
                },
            },
        });
        return (document, $"synthetic/{index}.txt", annotations);
    }

    private string Filler(Random random, int words)
    {
        var builder = new StringBuilder();
        for (var w = 0; w < words; w++)
        {
            builder.Append(w == 0 ? string.Empty : " ").Append(_vocabulary[random.Next(_vocabulary.Length)]);
        }

        return builder.ToString();
    }

    private static string Word(Random random)
    {
        const string consonants = "bcdfghklmnprstvz";
        const string vowels = "aeiou";
        var builder = new StringBuilder();
        for (var syllable = random.Next(2, 4); syllable > 0; syllable--)
        {
            builder.Append(consonants[random.Next(consonants.Length)]).Append(vowels[random.Next(vowels.Length)]);
        }

        return builder.ToString();
    }

    private static string Capitalised(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
