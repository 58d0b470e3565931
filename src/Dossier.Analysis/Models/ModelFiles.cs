namespace Dossier.Analysis.Models;

/// <summary>
/// Finds the trained model files shipped in the repository's <c>models/</c> folder, which the build
/// copies next to the assemblies. The environment variable <c>DOSSIER_MODELS</c> points elsewhere.
/// </summary>
public static class ModelFiles
{
    /// <summary>The folder models are read from.</summary>
    public static string Directory =>
        Environment.GetEnvironmentVariable("DOSSIER_MODELS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "models");

    /// <summary>The full path of model <paramref name="fileName"/>; throws a message that says how to get it when absent.</summary>
    /// <exception cref="FileNotFoundException">The model file is not there.</exception>
    public static string PathOf(string fileName)
    {
        var path = Path.Combine(Directory, fileName);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"Model '{fileName}' was not found in '{Directory}'. Build the solution (it copies models/ next to the binaries), " +
                "set DOSSIER_MODELS to the folder that holds it, or train it with 'dossier train'.", path);
    }
}
