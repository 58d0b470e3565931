using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Dossier.Knowledge.Files;

namespace Dossier.Knowledge.Events;

/// <summary>One CAMEO event code with its name, Goldstein weight and GDELT QuadClass. Immutable.</summary>
/// <param name="Code">Two, three or four digits ("11", "112", "1121").</param>
/// <param name="Name">The codebook's name for it ("Accuse, not specified below").</param>
/// <param name="Goldstein">Conflict (−10) to cooperation (+10) weight.</param>
/// <param name="QuadClass">1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.</param>
/// <param name="PloverEvent">The PLOVER event type it maps to ("ACCUSE"), or "OTHER" for plain statements.</param>
/// <param name="PloverMode">The PLOVER mode the code determines, or empty.</param>
public sealed record CameoCode(string Code, string Name, double Goldstein, int QuadClass, string PloverEvent, string PloverMode)
{
    /// <summary>The two-digit root ("11" for "1121").</summary>
    public string Root => Code[..2];
}

/// <summary>
/// The CAMEO 1.1b3 event codebook (<c>data/cameo/events.tsv</c>) joined with Dossier's CAMEO→PLOVER mapping
/// (<c>data/cameo/plover.tsv</c>). Immutable and thread-safe once loaded.
/// </summary>
public sealed class CameoCodebook
{
    /// <summary>File names inside the data directory.</summary>
    public const string EventsFile = "events.tsv", PloverFile = "plover.tsv";

    private readonly FrozenDictionary<string, CameoCode> _codes;

    private CameoCodebook(ImmutableArray<CameoCode> codes)
    {
        Codes = codes;
        _codes = codes.ToFrozenDictionary(code => code.Code, StringComparer.Ordinal);
    }

    /// <summary>The data directory copied next to the assembly.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "data", "cameo");

    /// <summary>Every code in file order (roots before their categories).</summary>
    public ImmutableArray<CameoCode> Codes { get; }

    /// <summary>Looks a code up ("112").</summary>
    public bool TryGet(string code, out CameoCode cameo) => _codes.TryGetValue(code, out cameo!);

    /// <summary>The entry for <paramref name="code"/>; throws with the code's text when it is not in the codebook.</summary>
    public CameoCode Get(string code) =>
        _codes.TryGetValue(code, out var cameo) ? cameo : throw new KeyNotFoundException($"CAMEO code '{code}' is not in {EventsFile}.");

    /// <summary>Loads both files from <paramref name="directory"/>.</summary>
    public static CameoCodebook Load(string directory)
    {
        using var events = new StreamReader(Path.Combine(directory, EventsFile), System.Text.Encoding.UTF8);
        using var plover = new StreamReader(Path.Combine(directory, PloverFile), System.Text.Encoding.UTF8);
        return Load(events, plover);
    }

    /// <summary>Loads the codebook from readers over the two TSV files (for tests).</summary>
    public static CameoCodebook Load(TextReader events, TextReader plover)
    {
        var mapping = new Dictionary<string, (string Event, string Mode)>(StringComparer.Ordinal);
        var ploverTable = TsvTable.Read(PloverFile, plover, "code", "event", "mode");
        int pCode = ploverTable.Column("code"), pEvent = ploverTable.Column("event"), pMode = ploverTable.Column("mode");
        foreach (var row in ploverTable.Rows)
        {
            if (!mapping.TryAdd(row.Required(pCode, "code"), (row.Required(pEvent, "event"), row.Get(pMode))))
            {
                throw row.Error($"maps code '{row.Get(pCode)}' twice.");
            }
        }

        var table = TsvTable.Read(EventsFile, events, "code", "name", "goldstein", "quad_class");
        int cCode = table.Column("code"), cName = table.Column("name"), cGoldstein = table.Column("goldstein"), cQuad = table.Column("quad_class");
        var codes = ImmutableArray.CreateBuilder<CameoCode>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            var code = row.Required(cCode, "code");
            if (code.Length is < 2 or > 4 || !code.All(char.IsAsciiDigit))
            {
                throw row.Error($"code '{code}' is not 2 to 4 digits.");
            }

            if (!double.TryParse(row.Get(cGoldstein), NumberStyles.Float, CultureInfo.InvariantCulture, out var goldstein))
            {
                throw row.Error($"goldstein '{row.Get(cGoldstein)}' is not a number.");
            }

            if (!int.TryParse(row.Get(cQuad), NumberStyles.None, CultureInfo.InvariantCulture, out var quad))
            {
                throw row.Error($"quad_class '{row.Get(cQuad)}' is not a number.");
            }

            // The longest mapped prefix decides: a sub-code inherits its category's, then its root's, PLOVER event.
            var (ploverEvent, mode) = (string.Empty, string.Empty);
            for (var length = code.Length; length >= 2; length--)
            {
                if (mapping.TryGetValue(code[..length], out var mapped))
                {
                    (ploverEvent, mode) = mapped;
                    break;
                }
            }

            if (ploverEvent.Length == 0)
            {
                throw row.Error($"code '{code}' has no PLOVER event in {PloverFile}; add a line for it or its root.");
            }

            codes.Add(new CameoCode(code, row.Required(cName, "name"), goldstein, quad, ploverEvent, mode));
        }

        return new CameoCodebook(codes.ToImmutable());
    }
}
