namespace Dossier.Cli.Commands;

/// <summary>
/// A problem the user can fix (a missing file, bad input): printed as one line on standard error
/// with exit code 2, never as a stack trace.
/// </summary>
internal sealed class UserInputException(string message) : Exception(message);

/// <summary>Runs a command body and turns expected failures into one-line messages.</summary>
internal static class CommandErrors
{
    public const int Success = 0;
    public const int BelowFloor = 1;
    public const int BadInput = 2;

    public static int Guard(TextWriter error, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (UserInputException exception)
        {
            error.WriteLine($"dossier: {exception.Message}");
            return BadInput;
        }
        catch (IOException exception)
        {
            error.WriteLine($"dossier: {exception.Message}");
            return BadInput;
        }
        catch (UnauthorizedAccessException exception)
        {
            error.WriteLine($"dossier: {exception.Message}");
            return BadInput;
        }
        catch (FormatException exception)
        {
            error.WriteLine($"dossier: {exception.Message}");
            return BadInput;
        }
    }

    /// <summary>Throws a <see cref="UserInputException"/> unless <paramref name="path"/> is an existing file.</summary>
    public static void RequireFile(string path, string what)
    {
        if (Directory.Exists(path))
        {
            throw new UserInputException($"{what} '{path}' is a directory, not a file.");
        }

        if (!File.Exists(path))
        {
            throw new UserInputException($"{what} '{path}' was not found.");
        }
    }
}
