using System.Text.RegularExpressions;
using Dossier.Knowledge.Actors;
using Dossier.Knowledge.Names;

namespace Dossier.Knowledge.Tests.Actors;

/// <summary>Checks the hand-written data files: the rules in data/knowledge/README.md.</summary>
public sealed partial class KnowledgeSchemaTests
{
    private static KnowledgeBase Kb => KnowledgeFixture.Kb;

    [Fact]
    public void Every_actor_has_id_type_name_and_code()
    {
        foreach (var actor in Kb.Actors)
        {
            Assert.False(string.IsNullOrWhiteSpace(actor.Id.Value));
            Assert.False(string.IsNullOrWhiteSpace(actor.Name), actor.Id.Value);
            Assert.True(Enum.IsDefined(actor.Type), actor.Id.Value);
            Assert.Matches(CameoCode(), actor.Cameo);
        }
    }

    [Fact]
    public void Ids_are_unique() =>
        Assert.Equal(Kb.Actors.Length, Kb.Actors.Select(a => a.Id.Value).Distinct(StringComparer.Ordinal).Count());

    [Fact]
    public void Ids_follow_the_prefix_convention()
    {
        foreach (var actor in Kb.Actors)
        {
            var expected = actor.Type switch
            {
                ActorType.Country => "",
                ActorType.Region => "reg:",
                ActorType.Igo => "igo:",
                ActorType.GovernmentBody => "gov:",
                ActorType.ArmedGroup => actor.Id.Value.StartsWith("gov:", StringComparison.Ordinal) ? "gov:" : "grp:",
                ActorType.Outlet => "media:",
                ActorType.Person => "per:",
                _ => throw new InvalidOperationException(),
            };
            Assert.StartsWith(expected, actor.Id.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Covers_all_countries_and_territories()
    {
        var countries = Kb.Actors.Where(a => a.Type == ActorType.Country).ToList();
        Assert.True(countries.Count >= 249, $"only {countries.Count} countries");
        Assert.Equal(countries.Count, countries.Select(c => c.Alpha2).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_country_code_is_an_alpha3_in_the_countries_file()
    {
        var alpha3 = Kb.Actors.Where(a => a.Type == ActorType.Country).Select(a => a.Id.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var actor in Kb.Actors)
        {
            if (actor.Country is not null)
            {
                Assert.True(alpha3.Contains(actor.Country), $"{actor.Id}: country '{actor.Country}' is not in countries.tsv");
            }

            // A country-specific CAMEO code starts with that country's code.
            if (actor.Type is ActorType.GovernmentBody && actor.Country is not null)
            {
                Assert.StartsWith(actor.Country, actor.Cameo, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Affiliations_and_positions_point_at_known_actors()
    {
        foreach (var actor in Kb.Actors)
        {
            foreach (var affiliation in actor.Affiliations)
            {
                Assert.True(Kb.TryGet(affiliation, out _), $"{actor.Id}: affiliation '{affiliation}' is unknown");
            }

            foreach (var position in actor.Positions)
            {
                Assert.True(Kb.TryGet(position.Of, out _), $"{actor.Id}: position of '{position.Of}' is unknown");
                Assert.Matches(CameoCode(), position.Cameo);
            }
        }
    }

    [Fact]
    public void Aliases_do_not_collide_unless_listed_as_deliberately_ambiguous()
    {
        var allowed = Kb.DeliberatelyAmbiguous.ToHashSet(NameKey.Comparer);
        var collisions = new List<string>();
        foreach (var (key, candidates) in Kb.Index.Entries)
        {
            var distinctActors = candidates.Select(c => c.Actor.Id).Distinct().Count();
            if (distinctActors > 1 && !allowed.Contains(key))
            {
                collisions.Add($"'{key}': {string.Join(", ", candidates.Select(c => $"{c.Actor.Id} ({c.Kind})"))}");
            }
        }

        Assert.True(collisions.Count == 0, "Undeclared collisions (add to ambiguous-aliases.tsv with a reason, or fix):\n" + string.Join("\n", collisions));
    }

    [Fact]
    public void Every_declared_ambiguity_is_real()
    {
        var stale = Kb.DeliberatelyAmbiguous
            .Where(alias => !Kb.Index.TryGet(alias, out var candidates) || candidates.Select(c => c.Actor.Id).Distinct().Count() < 2)
            .ToList();
        Assert.True(stale.Count == 0, "Listed in ambiguous-aliases.tsv but naming fewer than two actors: " + string.Join(", ", stale));
    }

    [Fact]
    public void Names_have_no_stray_whitespace()
    {
        foreach (var actor in Kb.Actors)
        {
            foreach (var (name, _) in actor.AllNames())
            {
                Assert.Equal(name.Trim(), name);
                Assert.DoesNotContain("  ", name, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Wikidata_ids_are_unique()
    {
        var qids = Kb.Actors.Where(a => a.WikidataId is not null).Select(a => a.WikidataId!).ToList();
        Assert.Equal(qids.Count, qids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Sectors_use_cameo_role_codes()
    {
        foreach (var sector in Kb.Sectors)
        {
            Assert.Matches("^[A-Z]{3}$", sector.Role);
            Assert.NotEmpty(sector.Heads);
        }

        Assert.Contains(Kb.Sectors, s => s.Role == "GOV");
        Assert.Contains(Kb.Sectors, s => s.Role == "MIL");
        Assert.Contains(Kb.Sectors, s => s.Role == "SPY");
    }

    // CAMEO actor codes are runs of three-letter blocks: RUS, RUSGOV, IGOUNOIAE, IMGSUN.
    [GeneratedRegex("^([A-Z]{3})+$")]
    private static partial Regex CameoCode();
}
