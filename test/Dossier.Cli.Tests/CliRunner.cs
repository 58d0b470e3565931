using System.Text;

namespace Dossier.Cli.Tests;

/// <summary>Runs the real command tree in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static string Seed => Path.Combine(AppContext.BaseDirectory, "fixtures", "rt-2017-12-23-isis-afghanistan.txt");

    public static (int ExitCode, string Output, string Error) Run(string[] args, string? standardInput = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = DossierCli.Run(args, output, error, () => new MemoryStream(Encoding.UTF8.GetBytes(standardInput ?? string.Empty)));
        return (exitCode, output.ToString(), error.ToString());
    }
}
