using System.CommandLine;
using Dossier.Cli.Commands;

namespace Dossier.Cli;

/// <summary>
/// The composition root of the command line: builds the command tree and runs it. Output and error
/// writers are parameters so tests can run the real commands in-process.
/// </summary>
internal static class DossierCli
{
    public static int Run(string[] args, TextWriter output, TextWriter error, Func<Stream>? standardInput = null)
    {
        var root = new RootCommand("Dossier: structured, source-attributed intelligence from news reports.");
        root.Subcommands.Add(AnalyzeCommand.Create(standardInput ?? Console.OpenStandardInput));

        root.Subcommands.Add(IngestCommand.Create(standardInput ?? Console.OpenStandardInput));
        root.Subcommands.Add(CorpusQueryCommands.Search());
        root.Subcommands.Add(CorpusQueryCommands.Quotes());
        root.Subcommands.Add(CorpusQueryCommands.Duplicates());
        root.Subcommands.Add(LedgerCommands.Claims());
        root.Subcommands.Add(LedgerCommands.Disagreements());
        root.Subcommands.Add(ExportCommand.Create());
        var actors = ActorLayerCommands.Create();
        CorpusQueryCommands.ListStoredActors(actors);
        root.Subcommands.Add(actors);
        root.Subcommands.Add(CorpusQueryCommands.Events());

        var eval = new Command("eval", "Score a component against gold data.");
        eval.Subcommands.Add(EvalTokenizeCommand.Create());
        eval.Subcommands.Add(EvalQuotesCommand.Create());
        eval.Subcommands.Add(EvalRawCommand.Create());
        eval.Subcommands.Add(EvalExtractCommand.Create());
        root.Subcommands.Add(eval);
        eval.Subcommands.Add(KnowledgeCommands.EvalGeo());
        eval.Subcommands.Add(NerCommands.Eval());
        eval.Subcommands.Add(SyntaxCommands.EvalTagger());
        eval.Subcommands.Add(SyntaxCommands.EvalParser());
        eval.Subcommands.Add(NumberCommands.Numbers());
        eval.Subcommands.Add(NumberCommands.Dates());
        eval.Subcommands.Add(KnowledgeCommands.EvalLink());
        eval.Subcommands.Add(EvalCorpusCommand.Create());
        eval.Subcommands.Add(EvalEventsCommand.Create());

        var train = new Command("train", "Train a model from gold data.");
        train.Subcommands.Add(TrainSentencesCommand.Create());
        train.Subcommands.Add(TrainAttributionCommand.Create());
        root.Subcommands.Add(train);
        train.Subcommands.Add(NerCommands.Train());
        train.Subcommands.Add(NerCommands.TrainClusters());
        train.Subcommands.Add(SyntaxCommands.TrainTagger());
        train.Subcommands.Add(SyntaxCommands.TrainParser());

        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());

        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return root.Parse(args).Invoke(configuration);
    }
}
