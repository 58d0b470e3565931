using System.Text.Json;

namespace Dossier.Cli.Tests.Commands;

public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Text_report_shows_headline_standfirst_eight_paragraphs_and_nineteen_sentences()
    {
        var (exitCode, output, error) = CliRunner.Run(["analyze", CliRunner.Seed]);
        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.StartsWith("ISIS has over 10,000 fighters in Afghanistan, more arriving from Syria & Iraq – Moscow", output, StringComparison.Ordinal);
        Assert.Contains("RT · 2017-12-23", output, StringComparison.Ordinal);
        Assert.Contains("10 paragraphs, 19 sentences", output, StringComparison.Ordinal);
        Assert.Contains("[headline]", output, StringComparison.Ordinal);
        Assert.Contains("[standfirst]", output, StringComparison.Ordinal);
        Assert.Contains("[paragraph 8]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("[paragraph 9]", output, StringComparison.Ordinal);
        Assert.Contains("    5. “Russia was among the first nations to ring alarm about the expansion of IS into Afghanistan,” he told RIA Novosti.\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_offsets_point_at_the_original_text()
    {
        var (exitCode, output, _) = CliRunner.Run(["analyze", CliRunner.Seed, "--format", "json", "--tokens"]);
        Assert.Equal(0, exitCode);
        var text = File.ReadAllText(CliRunner.Seed);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("RT", root.GetProperty("document").GetProperty("outlet").GetString());
        Assert.Equal("2017-12-23", root.GetProperty("document").GetProperty("published").GetString());
        Assert.Equal(text.Length, root.GetProperty("document").GetProperty("length").GetInt32());
        Assert.Equal(19, root.GetProperty("sentences").GetArrayLength());
        foreach (var layer in new[] { "sentences", "tokens", "paragraphs" })
        {
            foreach (var item in root.GetProperty(layer).EnumerateArray())
            {
                var start = item.GetProperty("start").GetInt32();
                var end = item.GetProperty("end").GetInt32();
                Assert.Equal(text[start..end], item.GetProperty("text").GetString());
            }
        }

        foreach (var layer in new[] { "entities", "quotes", "claims", "events", "places" })
        {
            Assert.Equal(JsonValueKind.Array, root.GetProperty(layer).ValueKind);
        }

        Assert.Equal("headline", root.GetProperty("paragraphs")[0].GetProperty("role").GetString());
    }

    [Fact]
    public void Seed_places_keep_relative_phrases_on_their_anchor()
    {
        var (_, output, _) = CliRunner.Run(["analyze", CliRunner.Seed, "--format", "json"]);
        using var json = JsonDocument.Parse(output);
        var relatives = json.RootElement.GetProperty("places").EnumerateArray()
            .Where(p => p.GetProperty("relative").ValueKind == JsonValueKind.Object)
            .Select(p => (p.GetProperty("name").GetString(), p.GetProperty("relative").GetProperty("text").GetString(),
                p.GetProperty("relative").GetProperty("direction").GetString()))
            .ToList();
        Assert.Equal([("Afghanistan", "the north of Afghanistan", "north"), ("Tajikistan", "on the border with Tajikistan", "border")], relatives);
    }

    [Fact]
    public void Tokens_are_left_out_unless_asked_for()
    {
        var (_, output, _) = CliRunner.Run(["analyze", CliRunner.Seed, "--format", "json"]);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.TryGetProperty("tokens", out _));
    }

    [Fact]
    public void Reads_standard_input_with_command_line_metadata()
    {
        var (exitCode, output, _) = CliRunner.Run(["analyze", "-", "--format", "json", "--published", "2018-02-01", "--outlet", "TASS"], "Headline\nStandfirst.\nBody. More body.");
        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("TASS", json.RootElement.GetProperty("document").GetProperty("outlet").GetString());
        Assert.Equal("2018-02-01", json.RootElement.GetProperty("document").GetProperty("published").GetString());
        Assert.Equal(4, json.RootElement.GetProperty("sentences").GetArrayLength());
    }

    public static TheoryData<string, byte[], string> BadInputs => new()
    {
        { "empty.txt", [], "is empty" },
        { "binary.bin", [1, 2, 0, 4], "binary file (NUL byte at offset 2)" },
        { "latin1.txt", [(byte)'a', 0xFF, (byte)'b'], "not valid UTF-8 (invalid byte 0xFF at byte offset 1)" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_gets_one_line_and_exit_code_2(string name, byte[] content, string message)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
        AssertOneLineError(CliRunner.Run(["analyze", path]), message);
    }

    [Fact]
    public void Missing_file_gets_one_line_and_exit_code_2() =>
        AssertOneLineError(CliRunner.Run(["analyze", Path.Combine(_folder, "missing.txt")]), "no such file");

    [Fact]
    public void Directory_gets_one_line_and_exit_code_2() =>
        AssertOneLineError(CliRunner.Run(["analyze", _folder]), "is a directory");

    [Fact]
    public void Bad_date_gets_one_line_and_exit_code_2() =>
        AssertOneLineError(CliRunner.Run(["analyze", CliRunner.Seed, "--published", "23/12/2017"]), "use YYYY-MM-DD");

    [Fact]
    public void Encoding_option_reads_legacy_files()
    {
        var path = Path.Combine(_folder, "cp1252.txt");
        File.WriteAllBytes(path, [(byte)'C', (byte)'a', (byte)'f', 0xE9, (byte)'.']);
        var (exitCode, output, _) = CliRunner.Run(["analyze", path, "--encoding", "windows-1252"]);
        Assert.Equal(0, exitCode);
        Assert.Contains("Café.", output, StringComparison.Ordinal);
    }

    private static void AssertOneLineError((int ExitCode, string Output, string Error) result, string message)
    {
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("dossier: ", line, StringComparison.Ordinal);
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", line.Replace(message, string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
