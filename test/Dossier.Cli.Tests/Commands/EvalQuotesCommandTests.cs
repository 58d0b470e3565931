using System.Text.Json;

namespace Dossier.Cli.Tests.Commands;

public sealed class EvalQuotesCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-eval-quotes-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void WriteArticle(string annotations)
    {
        File.WriteAllText(Path.Combine(_folder, "talks.txt"),
            "Border to stay closed, Kabulov says\nTravel between the two countries is suspended.\n“The border is closed,” Zamir Kabulov told RIA Novosti on Friday.\n");
        File.WriteAllText(Path.Combine(_folder, "talks.tsv"), "# content\tkind\tcue\tsource\tspeaker\tchannel\n" + annotations);
    }

    [Fact]
    public void Own_gold_scores_contents_speakers_and_channels()
    {
        WriteArticle("Border to stay closed\tindirect\tsays\tKabulov\tper:zamir-kabulov\t-\n"
            + "“The border is closed,”\tdirect\ttold\tZamir Kabulov\tper:zamir-kabulov\tmedia:ria-novosti\n");
        var (exitCode, output, _) = CliRunner.Run(["eval", "quotes", "--gold", _folder, "--min-f1", "99", "--min-speaker", "99", "--min-channel", "99"]);
        Assert.Equal(0, exitCode);
        Assert.Contains("Attribution on 1 own gold articles (2 gold attributions, 2 predicted)", output, StringComparison.Ordinal);
        Assert.Contains("speaker actor accuracy (matched) 100.00 (2 with a known speaker)", output, StringComparison.Ordinal);
        Assert.Contains("channel accuracy (matched)       100.00 (2 matched)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_gold_speaker_fails_the_speaker_floor()
    {
        WriteArticle("“The border is closed,”\tdirect\ttold\tZamir Kabulov\tper:sergey-lavrov\tmedia:ria-novosti\n");
        var (exitCode, output, _) = CliRunner.Run(["eval", "quotes", "--gold", _folder, "--min-speaker", "50"]);
        Assert.Equal(1, exitCode);
        Assert.Contains("FAIL: speaker actor accuracy 0.00 < floor 50.00", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Content_missing_from_the_text_is_a_one_line_error()
    {
        WriteArticle("Nobody wrote this\tindirect\tsaid\the\t-\t-\n");
        var (exitCode, _, error) = CliRunner.Run(["eval", "quotes", "--gold", _folder]);
        Assert.Equal(2, exitCode);
        Assert.Contains("content not found in the text", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_apposition_names_the_ministry_a_spokeswoman_serves()
    {
        var path = Path.Combine(_folder, "briefing.txt");
        File.WriteAllText(path, "The deal is off, Maria Zakharova, the spokeswoman of the Russian Foreign Ministry, said.\n");
        var (exitCode, output, _) = CliRunner.Run(["analyze", path, "--layout", "plain", "--format", "json"]);
        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var role = Assert.Single(json.RootElement.GetProperty("roles").EnumerateArray());
        Assert.Equal("spokeswoman of the Russian Foreign Ministry", role.GetProperty("text").GetString());
        Assert.Equal("per:maria-zakharova", role.GetProperty("holder").GetString());
        Assert.Equal("gov:rus-mfa", role.GetProperty("affiliation").GetString());
        var quote = Assert.Single(json.RootElement.GetProperty("quotes").EnumerateArray());
        Assert.Equal("per:maria-zakharova", quote.GetProperty("speaker").GetString());
    }

    [Fact]
    public void Seed_json_quotes_carry_actor_ids_and_roles()
    {
        var (exitCode, output, _) = CliRunner.Run(["analyze", CliRunner.Seed, "--format", "json"]);
        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var quotes = json.RootElement.GetProperty("quotes").EnumerateArray().ToList();
        var speakers = quotes.Select(quote => quote.GetProperty("speaker").GetString()).ToList();
        Assert.Equal(11, speakers.Count(speaker => speaker == "per:zamir-kabulov"));
        Assert.Equal(2, speakers.Count(speaker => speaker == "RUS")); // "– Moscow" and "Moscow believes"
        var told = quotes.Where(quote => quote.GetProperty("channel").ValueKind == JsonValueKind.String).ToList();
        Assert.Equal(2, told.Count);
        Assert.All(told, quote => Assert.Equal("media:ria-novosti", quote.GetProperty("channel").GetString()));

        var roles = json.RootElement.GetProperty("roles").EnumerateArray().ToList();
        var head = Assert.Single(roles, role => role.GetProperty("rule").GetString() == "roles/apposition");
        Assert.Equal("head of the Middle East department in the Russian Foreign Ministry", head.GetProperty("text").GetString());
        Assert.Equal("per:zamir-kabulov", head.GetProperty("holder").GetString());
        Assert.Equal("gov:rus-mfa", head.GetProperty("affiliation").GetString());
        Assert.Equal("Russian Foreign Ministry", head.GetProperty("affiliation_mention").GetProperty("text").GetString());
    }
}
