using System.CommandLine;
using Dossier.Cli.Commands;

namespace Dossier.Cli;

/// <summary>
/// The composition root of the command line: builds the command tree and runs it. Output and error
/// writers are parameters so tests can run the real commands in-process.
/// </summary>
internal static class DossierCli
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Dossier: structured, source-attributed intelligence from news reports.");

        var eval = new Command("eval", "Score a component against gold data.");
        root.Subcommands.Add(eval);
        eval.Subcommands.Add(KnowledgeCommands.EvalGeo());
        eval.Subcommands.Add(KnowledgeCommands.EvalLink());

        var train = new Command("train", "Train a model from gold data.");
        root.Subcommands.Add(train);

        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return root.Parse(args).Invoke(configuration);
    }
}
