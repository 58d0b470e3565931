using System.Globalization;

namespace Dossier.Analysis.Entities;

/// <summary>Settings of <see cref="WordClusterer"/>.</summary>
/// <param name="MinCount">Forms seen fewer times get no cluster (their counts are still kept).</param>
/// <param name="KeepCount">Forms seen fewer times are left out of the file altogether.</param>
/// <param name="Contexts">How many of the most frequent forms serve as context dimensions (left and right each).</param>
/// <param name="LeafSize">A cluster this small is not split further.</param>
/// <param name="MaxDepth">Longest path (tree depth).</param>
/// <param name="Seed">Seed of the power-iteration start vectors.</param>
internal sealed record WordClusteringOptions(int MinCount = 3, int KeepCount = 2, int Contexts = 2000, int LeafSize = 6, int MaxDepth = 20, int Seed = 7);

/// <summary>
/// Learns hierarchical word clusters from raw text, as a cheap stand-in for Brown clustering (Brown
/// et al. 1992) that runs in seconds on one core. Each word is described by the positive pointwise
/// mutual information of its left and right neighbours (the bigram statistics Brown clustering
/// optimises), and the words are split top-down: each split starts from the sign of the projection
/// on the set's principal direction (balanced halves) and is refined by spherical 2-means. A word's
/// path of left/right choices is its cluster; path prefixes give coarser clusters, used exactly as
/// Brown-cluster prefixes are in Ratinov &amp; Roth (2009). Deterministic for a given text and seed.
/// </summary>
internal static class WordClusterer
{
    /// <summary>Splits a line of running text into CoNLL-style tokens (punctuation apart, "'s" apart, abbreviations kept).</summary>
    public static void Tokenize(string line, List<string> tokens)
    {
        foreach (var chunk in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var start = 0;
            var end = chunk.Length;
            while (start < end && IsLeading(chunk[start]))
            {
                tokens.Add(chunk[start].ToString());
                start++;
            }

            var trailing = new List<string>();
            while (end > start && IsTrailing(chunk[end - 1]))
            {
                // Keep the full stop of an abbreviation ("U.S.", "Corp.", "J.").
                if (chunk[end - 1] == '.' && end - 1 > start && IsAbbreviation(chunk.AsSpan(start, end - 1 - start)))
                {
                    break;
                }

                trailing.Add(chunk[end - 1].ToString());
                end--;
            }

            if (end > start)
            {
                var word = chunk.AsSpan(start, end - start);
                var clitic = word.Length > 2 && word[^2] is '\'' or '’' && word[^1] is 's' or 'S' ? 2 : 0;
                tokens.Add(word[..^clitic].ToString());
                if (clitic > 0)
                {
                    tokens.Add(word[^clitic..].ToString());
                }
            }

            for (var i = trailing.Count - 1; i >= 0; i--)
            {
                tokens.Add(trailing[i]);
            }
        }
    }

    /// <summary>Learns clusters and casing counts from <paramref name="lines"/> (one document or paragraph per line).</summary>
    public static WordClusters Learn(IEnumerable<string> lines, WordClusteringOptions options, Action<string> progress)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(progress);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var forms = new List<string>();
        var counts = new List<long>();
        var middle = new List<long>();
        var corpus = new List<int>();
        var tokens = new List<string>();
        const int Boundary = -1;
        foreach (var line in lines)
        {
            tokens.Clear();
            Tokenize(line, tokens);
            corpus.Add(Boundary);
            var initial = true;
            foreach (var token in tokens)
            {
                if (!ids.TryGetValue(token, out var id))
                {
                    id = forms.Count;
                    ids.Add(token, id);
                    forms.Add(token);
                    counts.Add(0);
                    middle.Add(0);
                }

                counts[id]++;
                if (!initial)
                {
                    middle[id]++;
                }

                corpus.Add(id);
                initial = token is "." or "!" or "?" or "\"" or "(" or "'" or "-" or ":" || (initial && token is "''" or "``");
                if (token is "." or "!" or "?")
                {
                    corpus.Add(Boundary);
                }
            }
        }

        corpus.Add(Boundary);
        progress(string.Create(CultureInfo.InvariantCulture, $"{corpus.Count:N0} tokens, {forms.Count:N0} forms"));

        // Context dimensions: the most frequent forms (ties broken by ordinal order, for determinism), plus the boundary.
        var byFrequency = Enumerable.Range(0, forms.Count).OrderByDescending(i => counts[i]).ThenBy(i => forms[i], StringComparer.Ordinal).ToArray();
        var contextOf = new int[forms.Count];
        Array.Fill(contextOf, -1);
        var contexts = Math.Min(options.Contexts, forms.Count);
        for (var rank = 0; rank < contexts; rank++)
        {
            contextOf[byFrequency[rank]] = rank;
        }

        var dimensions = 2 * (contexts + 1);
        var clustered = byFrequency.Where(i => counts[i] >= options.MinCount).ToArray();
        var row = new int[forms.Count];
        Array.Fill(row, -1);
        for (var r = 0; r < clustered.Length; r++)
        {
            row[clustered[r]] = r;
        }

        // Co-occurrence counts per clustered word: left context in [0, contexts], right in the second half.
        var cooccurrence = new Dictionary<int, int>[clustered.Length];
        for (var r = 0; r < clustered.Length; r++)
        {
            cooccurrence[r] = [];
        }

        var contextTotals = new long[dimensions];
        for (var i = 1; i + 1 < corpus.Count; i++)
        {
            var id = corpus[i];
            if (id < 0 || row[id] < 0)
            {
                continue;
            }

            var left = corpus[i - 1] < 0 ? contexts : contextOf[corpus[i - 1]];
            var right = corpus[i + 1] < 0 ? contexts : contextOf[corpus[i + 1]];
            var target = cooccurrence[row[id]];
            if (left >= 0)
            {
                target[left] = target.GetValueOrDefault(left) + 1;
                contextTotals[left]++;
            }

            if (right >= 0)
            {
                var dimension = contexts + 1 + right;
                target[dimension] = target.GetValueOrDefault(dimension) + 1;
                contextTotals[dimension]++;
            }
        }

        // Positive PMI, then unit length, so that the dot product is the cosine.
        var total = (double)contextTotals.Sum();
        var vectors = new (int[] Index, float[] Value)[clustered.Length];
        for (var r = 0; r < clustered.Length; r++)
        {
            var wordTotal = (double)cooccurrence[r].Values.Sum();
            var entries = cooccurrence[r].OrderBy(e => e.Key)
                .Select(e => (e.Key, Value: Math.Log(e.Value * total / (wordTotal * contextTotals[e.Key]))))
                .Where(e => e.Value > 0)
                .ToArray();
            var norm = Math.Sqrt(entries.Sum(e => e.Value * e.Value));
            vectors[r] = ([.. entries.Select(e => e.Key)], [.. entries.Select(e => (float)(norm == 0 ? 0 : e.Value / norm))]);
        }

        progress(string.Create(CultureInfo.InvariantCulture, $"clustering {clustered.Length:N0} forms over {dimensions:N0} context dimensions"));
        var paths = new string[clustered.Length];
        var random = new Random(options.Seed);
        Split(Enumerable.Range(0, clustered.Length).ToArray(), string.Empty, vectors, dimensions, options, random, paths);

        var entriesOut = new List<WordClusterEntry>();
        foreach (var id in byFrequency)
        {
            if (counts[id] < options.KeepCount || forms[id].Contains('\t', StringComparison.Ordinal))
            {
                continue;
            }

            entriesOut.Add(new WordClusterEntry(forms[id], counts[id], middle[id], row[id] >= 0 ? paths[row[id]] : string.Empty));
        }

        return new WordClusters(entriesOut);
    }

    private static void Split(int[] members, string path, (int[] Index, float[] Value)[] vectors, int dimensions, WordClusteringOptions options, Random random, string[] paths)
    {
        if (members.Length <= options.LeafSize || path.Length >= options.MaxDepth)
        {
            foreach (var member in members)
            {
                paths[member] = path.Length == 0 ? "0" : path;
            }

            return;
        }

        // Principal direction of the centred vectors by power iteration: X^T (X v) − n m (m·v).
        var mean = new double[dimensions];
        foreach (var member in members)
        {
            var (index, value) = vectors[member];
            for (var k = 0; k < index.Length; k++)
            {
                mean[index[k]] += value[k] / members.Length;
            }
        }

        var direction = new double[dimensions];
        for (var d = 0; d < dimensions; d++)
        {
            direction[d] = random.NextDouble() - 0.5;
        }

        var projection = new double[members.Length];
        for (var iteration = 0; iteration < 4; iteration++)
        {
            var meanDot = Dot(mean, direction);
            for (var m = 0; m < members.Length; m++)
            {
                projection[m] = SparseDot(vectors[members[m]], direction) - meanDot;
            }

            Array.Clear(direction);
            for (var m = 0; m < members.Length; m++)
            {
                var (index, value) = vectors[members[m]];
                for (var k = 0; k < index.Length; k++)
                {
                    direction[index[k]] += value[k] * projection[m];
                }
            }

            var projectionSum = projection.Sum();
            for (var d = 0; d < dimensions; d++)
            {
                direction[d] -= mean[d] * projectionSum;
            }

            var norm = Math.Sqrt(Dot(direction, direction));
            if (norm == 0)
            {
                break;
            }

            for (var d = 0; d < dimensions; d++)
            {
                direction[d] /= norm;
            }
        }

        var sides = new bool[members.Length];
        var meanDotFinal = Dot(mean, direction);
        for (var m = 0; m < members.Length; m++)
        {
            sides[m] = SparseDot(vectors[members[m]], direction) - meanDotFinal > 0;
        }

        // Spherical 2-means from that split.
        var centroids = new[] { new double[dimensions], new double[dimensions] };
        for (var iteration = 0; iteration < 5; iteration++)
        {
            Array.Clear(centroids[0]);
            Array.Clear(centroids[1]);
            for (var m = 0; m < members.Length; m++)
            {
                var (index, value) = vectors[members[m]];
                var centroid = centroids[sides[m] ? 1 : 0];
                for (var k = 0; k < index.Length; k++)
                {
                    centroid[index[k]] += value[k];
                }
            }

            var changed = false;
            var norm0 = Math.Max(1e-12, Math.Sqrt(Dot(centroids[0], centroids[0])));
            var norm1 = Math.Max(1e-12, Math.Sqrt(Dot(centroids[1], centroids[1])));
            for (var m = 0; m < members.Length; m++)
            {
                var side = SparseDot(vectors[members[m]], centroids[1]) / norm1 > SparseDot(vectors[members[m]], centroids[0]) / norm0;
                changed |= side != sides[m];
                sides[m] = side;
            }

            if (!changed)
            {
                break;
            }
        }

        var left = members.Where((_, m) => !sides[m]).ToArray();
        var right = members.Where((_, m) => sides[m]).ToArray();
        if (left.Length == 0 || right.Length == 0)
        {
            // Identical vectors: halve by order so the tree still ends.
            left = members[..(members.Length / 2)];
            right = members[(members.Length / 2)..];
        }

        Split(left, path + "0", vectors, dimensions, options, random, paths);
        Split(right, path + "1", vectors, dimensions, options, random, paths);
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static double SparseDot((int[] Index, float[] Value) vector, double[] dense)
    {
        var sum = 0.0;
        for (var k = 0; k < vector.Index.Length; k++)
        {
            sum += vector.Value[k] * dense[vector.Index[k]];
        }

        return sum;
    }

    private static bool IsLeading(char c) => c is '"' or '(' or '[' or '{' or '“' or '‘' or '\'' or '<';

    private static bool IsTrailing(char c) => c is '"' or ')' or ']' or '}' or '”' or '’' or '\'' or '.' or ',' or ';' or ':' or '!' or '?' or '>';

    private static bool IsAbbreviation(ReadOnlySpan<char> stem) =>
        stem.Contains('.') || (stem.Length == 1 && char.IsLetter(stem[0])) ||
        stem is "Inc" or "Corp" or "Co" or "Ltd" or "Mr" or "Mrs" or "Ms" or "Dr" or "St" or "Jr" or "Bros" or "Cos" or "Jan" or "Feb"
            or "Aug" or "Sept" or "Oct" or "Nov" or "Dec" or "Gov" or "Sen" or "Rep" or "Gen" or "Lt" or "Col" or "Plc" or "Bhd" or "No" or "vs";
}
