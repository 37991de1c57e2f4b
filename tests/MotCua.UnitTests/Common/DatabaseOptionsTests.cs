using Microsoft.Extensions.Configuration;
using MotCua.Web.Common.Persistence;

namespace MotCua.UnitTests.Common;

public sealed class DatabaseOptionsTests
{
    private static DatabaseOptions From(params (string Key, string Value)[] settings) =>
        DatabaseOptions.From(
            new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build(),
            Path.Combine(Path.GetTempPath(), "motcua-options-test"));

    [Fact]
    public void Without_settings_it_runs_on_embedded_sqlite_under_data_and_seeds_the_demo()
    {
        var options = From();
        Assert.Equal(DatabaseProvider.Sqlite, options.Provider);
        Assert.EndsWith(Path.Combine("data", "motcua.db"), options.ConnectionString, StringComparison.Ordinal);
        Assert.True(options.SeedDemo);
    }

    [Fact]
    public void A_postgres_connection_string_selects_postgres_without_the_demo()
    {
        var options = From(("ConnectionStrings:Postgres", "Host=db;Database=motcua;Username=app;Password=secret"));
        Assert.Equal(DatabaseProvider.Postgres, options.Provider);
        Assert.False(options.SeedDemo);
        Assert.Equal("PostgreSQL db:5432/motcua", options.Describe());
        Assert.DoesNotContain("secret", options.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_environment_variable_selects_postgres_too() =>
        Assert.Equal(DatabaseProvider.Postgres, From((DatabaseOptions.PostgresEnvironmentVariable, "Host=db")).Provider);

    [Fact]
    public void Seeding_can_be_asked_for_explicitly() =>
        Assert.True(From(("ConnectionStrings:Postgres", "Host=db"), ("Seed:Demo", "true")).SeedDemo);
}
