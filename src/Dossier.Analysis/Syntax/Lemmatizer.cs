using System.Collections.Frozen;

namespace Dossier.Analysis.Syntax;

/// <summary>
/// Lemmas from a lexicon keyed by (form, XPOS), with a (form, UPOS) fallback, and suffix-rewrite
/// rules keyed by (XPOS, final letters), all learned from a treebank. Words seen in training get
/// their majority lemma; rules handle new words. Rules are counted over distinct (form, tag, lemma)
/// types, not tokens, so frequent irregulars (was → be) do not become rules.
/// Immutable and thread-safe.
/// </summary>
internal sealed class Lemmatizer
{
    private const int MaxSuffix = 5;
    private readonly FrozenDictionary<string, string> _exceptions;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _exceptionLookup;
    private readonly FrozenDictionary<string, Rule> _rules;
    private readonly FrozenDictionary<string, Rule>.AlternateLookup<ReadOnlySpan<char>> _ruleLookup;

    private Lemmatizer(Dictionary<string, string> exceptions, Dictionary<string, Rule> rules)
    {
        _exceptions = exceptions.ToFrozenDictionary(StringComparer.Ordinal);
        _exceptionLookup = _exceptions.GetAlternateLookup<ReadOnlySpan<char>>();
        _rules = rules.ToFrozenDictionary(StringComparer.Ordinal);
        _ruleLookup = _rules.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int ExceptionCount => _exceptions.Count;

    public int RuleCount => _rules.Count;

    /// <summary>The lemma of <paramref name="form"/> (already normalised) tagged <paramref name="upos"/>/<paramref name="xpos"/>.</summary>
    public string Lemmatize(string form, string upos, string xpos)
    {
        Span<char> key = stackalloc char[Math.Min(form.Length, 64) + Math.Max(xpos.Length, upos.Length + 1) + 1];
        if (form.Length <= 64)
        {
            if (TryException(form, xpos, key, out var lemma))
            {
                return lemma;
            }

            var lower = LowerIfNeeded(form);
            if (!ReferenceEquals(lower, form) && TryException(lower, xpos, key, out lemma))
            {
                return lemma;
            }

            // The tagger may pick a sibling fine tag (VBN for VBD "fled"); the word's entry under
            // its universal tag still knows the irregular lemma.
            if (TryException(form, upos, key, out lemma, universal: true)
                || (!ReferenceEquals(lower, form) && TryException(lower, upos, key, out lemma, universal: true)))
            {
                return lemma;
            }
        }

        var @base = Base(form, upos);
        if (xpos is "VBD" or "VBN" && IrregularVerbs.TryGetBase(@base, out var irregular))
        {
            return irregular;
        }

        return ApplyRules(@base, xpos);
    }

    private bool TryException(string form, string tag, Span<char> key, out string lemma, bool universal = false)
    {
        var length = Compose(key, form, tag, universal);
        return _exceptionLookup.TryGetValue(key[..length], out lemma!);
    }

    private string ApplyRules(string @base, string xpos)
    {
        Span<char> key = stackalloc char[xpos.Length + 1 + MaxSuffix];
        xpos.AsSpan().CopyTo(key);
        key[xpos.Length] = '\t';
        for (var length = Math.Min(MaxSuffix, @base.Length); length >= 0; length--)
        {
            @base.AsSpan(@base.Length - length).CopyTo(key[(xpos.Length + 1)..]);
            if (_ruleLookup.TryGetValue(key[..(xpos.Length + 1 + length)], out var rule) && rule.Strip < @base.Length)
            {
                return rule.Strip == 0 && rule.Append.Length == 0
                    ? @base
                    : string.Concat(@base.AsSpan(0, @base.Length - rule.Strip), rule.Append);
            }
        }

        return @base;
    }

    // Universal-tag entries share the table with fine-tag ones; a control character keeps them apart.
    private const char UniversalMark = '\u0001';


    private static int Compose(Span<char> key, string form, string tag, bool universal)
    {
        form.AsSpan().CopyTo(key);
        var at = form.Length;
        key[at++] = '\t';
        if (universal)
        {
            key[at++] = UniversalMark;
        }

        tag.AsSpan().CopyTo(key[at..]);
        return at + tag.Length;
    }

    /// <summary>
    /// The string rules rewrite: EWT lowercases lemmas of common words ("The" → "the", and 9 in 10
    /// all-capital ones: "PLEASE" → "please") but keeps proper nouns as written ("US").
    /// </summary>
    internal static string Base(string form, string upos)
    {
        return string.Equals(upos, "PROPN", StringComparison.Ordinal) ? form : LowerIfNeeded(form);
    }

    internal static string LowerIfNeeded(string form)
    {
        foreach (var c in form)
        {
            if (char.IsUpper(c))
            {
                return form.ToLowerInvariant();
            }
        }

        return form;
    }

    private static Rule RuleFor(string @base, string lemma)
    {
        var common = 0;
        while (common < @base.Length && common < lemma.Length && @base[common] == lemma[common])
        {
            common++;
        }

        return new Rule(@base.Length - common, lemma[common..]);
    }

    /// <summary>Learns rules and exceptions from (normalised form, UPOS, XPOS, lemma) tokens.</summary>
    public static Lemmatizer Learn(IEnumerable<(string Form, string Upos, string Xpos, string Lemma)> tokens)
    {
        // Majority lemma per (form, xpos) over tokens; rule votes per (xpos, suffix) over types.
        var lemmaVotes = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var uposOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var types = new HashSet<(string Form, string Upos, string Xpos, string Lemma)>();
        foreach (var token in tokens)
        {
            if (token.Lemma is "_" or "")
            {
                continue;
            }

            types.Add(token);
            var key = token.Form + "\t" + token.Xpos;
            if (!lemmaVotes.TryGetValue(key, out var votes))
            {
                lemmaVotes[key] = votes = new Dictionary<string, int>(StringComparer.Ordinal);
                uposOf[key] = token.Upos;
            }

            votes[token.Lemma] = votes.GetValueOrDefault(token.Lemma) + 1;
        }

        var ruleVotes = new Dictionary<string, Dictionary<Rule, int>>(StringComparer.Ordinal);
        foreach (var (form, upos, xpos, lemma) in types)
        {
            var @base = Base(form, upos);
            var rule = RuleFor(@base, lemma);
            // A rule that adds more than it removes is an expansion of one abbreviation ("Thu" →
            // "Thursday"), not a pattern; it would turn "Rahu" into "Rahursday".
            if (rule.Append.Length > rule.Strip + 1)
            {
                continue;
            }

            // Only suffixes that contain the rewritten letters vote for the rule: otherwise a rule
            // learned from one word reaches into the stems of others ("Queensland" → "QueeIsland").
            for (var length = rule.Strip; length <= Math.Min(MaxSuffix, @base.Length); length++)
            {
                var key = xpos + "\t" + @base[^length..];
                if (!ruleVotes.TryGetValue(key, out var votes))
                {
                    ruleVotes[key] = votes = [];
                }

                votes[rule] = votes.GetValueOrDefault(rule) + 1;
            }
        }

        var rules = new Dictionary<string, Rule>(StringComparer.Ordinal);
        foreach (var (key, votes) in ruleVotes)
        {
            var best = votes.MaxBy(pair => (pair.Value, pair.Key.Append, -pair.Key.Strip));
            var total = votes.Values.Sum();
            // Long suffixes seen once are memorised words, not rules; they would misfire on new words.
            var suffixLength = key.Length - key.IndexOf('\t', StringComparison.Ordinal) - 1;
            if (suffixLength <= 1 || total >= 2)
            {
                rules[key] = best.Key;
            }
        }

        // Every (form, XPOS) seen in training keeps its majority lemma: a seen pair is answered from
        // the data, never from a rule or from the looser (form, UPOS) entry below.
        var exceptions = new Dictionary<string, string>(StringComparer.Ordinal);
        var universalVotes = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var (key, votes) in lemmaVotes)
        {
            exceptions[key] = votes.MaxBy(pair => (pair.Value, pair.Key)).Key;
            var tab = key.IndexOf('\t', StringComparison.Ordinal);
            var xpos = key[(tab + 1)..];
            // "Goes-with" fragments ("my" of "my self", lemma "myself") must not speak for the whole word.
            if (xpos is "GW" or "AFX")
            {
                continue;
            }

            var universalKey = key[..(tab + 1)] + UniversalMark + uposOf[key];
            if (!universalVotes.TryGetValue(universalKey, out var universal))
            {
                universalVotes[universalKey] = universal = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            foreach (var (lemma, count) in votes)
            {
                universal[lemma] = universal.GetValueOrDefault(lemma) + count;
            }
        }

        foreach (var (key, votes) in universalVotes)
        {
            exceptions[key] = votes.MaxBy(pair => (pair.Value, pair.Key)).Key;
        }

        return new Lemmatizer(exceptions, rules);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(_exceptions.Count);
        foreach (var (key, lemma) in _exceptions.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.Write(key);
            writer.Write(lemma);
        }

        writer.Write(_rules.Count);
        foreach (var (key, rule) in _rules.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.Write(key);
            writer.Write(rule.Strip);
            writer.Write(rule.Append);
        }
    }

    public static Lemmatizer Read(BinaryReader reader)
    {
        var exceptions = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = reader.ReadInt32(); i > 0; i--)
        {
            var key = reader.ReadString();
            exceptions[key] = reader.ReadString();
        }

        var rules = new Dictionary<string, Rule>(StringComparer.Ordinal);
        for (var i = reader.ReadInt32(); i > 0; i--)
        {
            var key = reader.ReadString();
            var strip = reader.ReadInt32();
            rules[key] = new Rule(strip, reader.ReadString());
        }

        return new Lemmatizer(exceptions, rules);
    }

    private readonly record struct Rule(int Strip, string Append);
}
