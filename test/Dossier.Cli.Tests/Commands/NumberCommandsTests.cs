using Dossier.Cli;

namespace Dossier.Cli.Tests.Commands;

public sealed class NumberCommandsTests
{
    [Theory]
    [InlineData("numbers")]
    [InlineData("dates")]
    public void Missing_spec_folder_is_a_one_line_error(string command)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = DossierCli.Run(["eval", command, "--specs", "/nonexistent/specs"], output, error);
        Assert.Equal(2, code);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error:", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_under_the_floor()
    {
        var dir = Directory.CreateTempSubdirectory("dossier-cli-specs-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "NumberModel.json"), """
                [ { "Input": "They counted 12 boats.", "Results": [ { "Text": "12", "TypeName": "number", "Resolution": { "value": "13" }, "Start": 13, "End": 14 } ] } ]
                """);
            var output = new StringWriter();
            var error = new StringWriter();
            Assert.Equal(1, DossierCli.Run(["eval", "numbers", "--specs", dir, "--min-pass", "0.5"], output, error));
            Assert.Equal(0, DossierCli.Run(["eval", "numbers", "--specs", dir], output, error));
            Assert.Contains("NumberModel.json", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
