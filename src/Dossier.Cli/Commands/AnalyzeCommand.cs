using System.CommandLine;
using System.Globalization;
using Dossier.Analysis.Paragraphs;
using Dossier.Cli.Output;
using Dossier.Ingestion;
using Dossier.Ingestion.PlainText;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier analyze FILE|-</c>: analyse one article and print a report or JSON.</summary>
internal static class AnalyzeCommand
{
    public static Command Create(Func<Stream> standardInput)
    {
        var input = new Argument<string>("file") { Description = "Article file (plain text: headline, standfirst, one paragraph per line), or '-' for standard input." };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var published = new Option<string?>("--published") { Description = "Publication date (YYYY-MM-DD); overrides the .meta.json sidecar." };
        var outlet = new Option<string?>("--outlet") { Description = "Publishing outlet; overrides the .meta.json sidecar." };
        var encoding = new Option<string?>("--encoding") { Description = "Text encoding when not UTF-8 (e.g. windows-1252, iso-8859-1, utf-16)." };
        var layout = new Option<string>("--layout") { Description = "article: line 1 is the headline, line 2 the standfirst; plain: every line is body text.", DefaultValueFactory = _ => "article" };
        layout.AcceptOnlyFromAmong("article", "plain");
        var tokens = new Option<bool>("--tokens") { Description = "Include every token in the JSON output." };
        var syntax = new Option<bool>("--syntax") { Description = "Include every token with its lemma, tags, head and relation in the JSON output." };

        var command = new Command("analyze", "Analyse one article and print what it says, with evidence offsets.")
        {
            input, format, published, outlet, encoding, layout, tokens, syntax,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            return CommandErrors.Guard(error, () =>
            {
                var options = new ArticleReadOptions(
                    parseResult.GetValue(encoding),
                    ParseDate(parseResult.GetValue(published)),
                    parseResult.GetValue(outlet));
                var path = parseResult.GetRequiredValue(input);
                var document = Read(path, options, standardInput);

                var pipeline = SegmentationPipelines.Full(parseResult.GetValue(layout) == "plain" ? ArticleLayout.Plain : ArticleLayout.Article).Build();
                document = pipeline.Process(document);

                if (parseResult.GetValue(format) == "json")
                {
                    output.WriteLine(DocumentJsonWriter.ToJson(document, new JsonOptions(Tokens: parseResult.GetValue(tokens) || parseResult.GetValue(syntax), Syntax: parseResult.GetValue(syntax))));
                }
                else
                {
                    DocumentTextWriter.Write(output, document);
                }

                return CommandErrors.Success;
            });
        });
        return command;
    }

    private static Text.Document Read(string path, ArticleReadOptions options, Func<Stream> standardInput)
    {
        try
        {
            if (path == "-")
            {
                using var stdin = standardInput();
                return ArticleReader.ReadStream(stdin, "standard input", options);
            }

            return ArticleReader.ReadFile(path, options);
        }
        catch (ArticleReadException exception)
        {
            throw new UserInputException(exception.Message);
        }
    }

    private static DateOnly? ParseDate(string? value) =>
        value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new UserInputException($"--published '{value}' is not a date; use YYYY-MM-DD.");
}
