using MotCua.Web.Common.Persistence;

namespace MotCua.IntegrationTests.Common;

public sealed class StartupTests
{
    [Fact]
    public async Task An_unreachable_database_stops_start_up_with_a_plain_message()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Port=1;Database=motcua;Username=motcua;Timeout=3";
        builder.AddMotCuaDatabase();
        await using var app = builder.Build();

        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        bool started;
        try
        {
            started = await app.PrepareDatabaseAsync();
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.False(started);
        var message = error.ToString();
        Assert.Contains("Không kết nối được cơ sở dữ liệu (PostgreSQL 127.0.0.1:1/motcua)", message, StringComparison.Ordinal);
        Assert.Contains("MOTCUA_POSTGRES", message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
    }
}
