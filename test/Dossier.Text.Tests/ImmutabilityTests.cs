using System.Reflection;
using System.Runtime.CompilerServices;
using Dossier.Text;

namespace Dossier.Text.Tests;

/// <summary>Every type of the document model is immutable, so documents can be shared across threads.</summary>
public sealed class ImmutabilityTests
{
    public static TheoryData<Type> ModelTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(Document).Assembly.GetTypes())
        {
            if (type.IsPublic && !type.IsEnum && !type.IsInterface && !typeof(Delegate).IsAssignableFrom(type))
            {
                data.Add(type);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void Public_model_types_expose_no_mutable_state(Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var setter = property.SetMethod;
            var initOnly = setter?.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)) ?? false;
            Assert.True(setter is null || !setter.IsPublic || initOnly, $"{type.Name}.{property.Name} has a public setter");
        }

        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
        {
            Assert.True(field.IsInitOnly, $"{type.Name}.{field.Name} is a mutable field");
        }
    }

    [Fact]
    public void Adding_a_layer_leaves_the_original_document_unchanged()
    {
        var original = new Document("d", "Kabul");
        var tokenised = original with { Tokens = [new Token(new TextSpan(0, 5), TokenTraits.SpaceBefore)] };
        Assert.True(original.Tokens.IsEmpty);
        Assert.Equal(Layers.Tokens, tokenised.Layers);
        Assert.Same(original.Text, tokenised.Text);
    }
}
