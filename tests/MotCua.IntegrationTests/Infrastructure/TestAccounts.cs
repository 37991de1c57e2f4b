using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Modules.Identity.Accounts;
using MotCua.Web.Modules.Identity.Public;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>Citizen accounts of their own for tests that sign in, lock, reset or delete (the demo accounts stay as seeded).</summary>
public static class TestAccounts
{
    private static int _sequence = Random.Shared.Next(100_000, 900_000);

    /// <summary>A new citizen (a valid identity number from Hà Nội, born 1990) with this password; returns the user name.</summary>
    public static async Task<string> NewCitizenAsync(MotCuaApp app, string password, string fullName = "Đỗ Thị Thử", string? email = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var number = $"001090{Interlocked.Increment(ref _sequence):D6}";
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = number, IdentityNumber = number, FullName = fullName, Email = email, AccountType = AccountType.Citizen };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Citizen)).Succeeded);
        return number;
    }
}
