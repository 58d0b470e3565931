using Dossier.Analysis.Models;
using Dossier.Analysis.Syntax;

namespace Dossier.Analysis.Tests.Syntax;

/// <summary>Which parser model file the default <see cref="DependencyParser"/> loads.</summary>
public sealed class ParserModelChoiceTests
{
    [Fact]
    public void Without_a_choice_the_shipped_greedy_model_is_used()
    {
        Assert.Equal(ModelFiles.PathOf(DependencyParser.ModelFileName), DependencyParser.ModelPath(null));
        Assert.Equal(ModelFiles.PathOf(DependencyParser.ModelFileName), DependencyParser.ModelPath(" "));
    }

    [Fact]
    public void A_file_name_is_looked_up_in_the_models_folder()
    {
        Assert.Equal(ModelFiles.PathOf(DependencyParser.BeamModelFileName), DependencyParser.ModelPath(DependencyParser.BeamModelFileName));
    }

    [Fact]
    public void A_path_is_used_as_it_is_and_a_missing_file_is_an_error_that_names_it()
    {
        var path = ModelFiles.PathOf(DependencyParser.BeamModelFileName);
        Assert.Equal(path, DependencyParser.ModelPath(path));

        var error = Assert.Throws<FileNotFoundException>(() => DependencyParser.ModelPath("no-such-parser.gz"));
        Assert.Contains("no-such-parser.gz", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_beam_model_decodes_with_a_beam()
    {
        var model = DependencyParserModel.Load(DependencyParser.ModelPath(DependencyParser.BeamModelFileName));
        Assert.True(model.BeamWidth > 1);
    }
}
