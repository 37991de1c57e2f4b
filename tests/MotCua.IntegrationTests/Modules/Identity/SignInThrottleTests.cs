using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Modules.Identity.Accounts;
using MotCua.Web.Modules.Identity.Public;
using MotCua.Web.Modules.Identity.SignIn;

namespace MotCua.IntegrationTests.Modules.Identity;

/// <summary>Sign-in reveals nothing about which accounts exist, and a stranger cannot lock a citizen out.</summary>
public abstract partial class SignInThrottleTests(MotCuaApp app)
{
    private const string Password = "Dung@2026!";

    [Fact]
    public async Task An_unknown_user_and_a_wrong_password_get_the_same_answers_attempt_after_attempt()
    {
        var known = await NewCitizenAsync();
        var unknown = $"001090{Random.Shared.Next(0, 999_999):D6}x";
        var client = app.CreateClient();
        for (var attempt = 1; attempt <= 7; attempt++)
        {
            using var a = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = known, password = "Sai@2026!" + attempt });
            using var b = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = unknown, password = "Sai@2026!" + attempt });
            var (detailA, detailB) = ((await a.AssertProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("detail").GetString()!,
                (await b.AssertProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("detail").GetString()!);
            Assert.Equal(Digits().Replace(detailA, "#"), Digits().Replace(detailB, "#"));
            Assert.Equal(a.Headers.Contains("Retry-After"), b.Headers.Contains("Retry-After"));
            if (attempt <= 2)
            {
                Assert.Equal(PasswordSignIn.WrongCredentials, detailA);
            }
            else if (attempt < SignInThrottle.FreeAttempts)
            {
                // A warning before the last attempts.
                Assert.Contains($"Bạn còn {SignInThrottle.FreeAttempts - attempt} lần thử", detailA, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains("Vui lòng chờ", detailA, StringComparison.Ordinal);
                Assert.True(int.Parse(a.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture) > 0);
            }
        }

        // Blocked at this address: even the right password waits, and says nothing more.
        using var right = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = known, password = Password });
        Assert.Contains("Vui lòng chờ", (await right.AssertProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_page_says_the_same_for_an_unknown_user_and_a_wrong_password()
    {
        var known = await NewCitizenAsync();
        using var pages = app.Pages();
        using var a = await pages.SubmitAsync("/dang-nhap", new Dictionary<string, string> { ["UserName"] = known, ["Password"] = "Sai@2026!" });
        using var b = await pages.SubmitAsync("/dang-nhap", new Dictionary<string, string> { ["UserName"] = "khong-co-" + known, ["Password"] = "Sai@2026!" });
        Assert.Equal(HttpStatusCode.OK, a.StatusCode);
        Assert.Equal(HttpStatusCode.OK, b.StatusCode);
        Assert.Contains(PasswordSignIn.WrongCredentials, await a.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(PasswordSignIn.WrongCredentials, await b.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_user_costs_the_same_password_hashing_as_a_known_one()
    {
        var known = await NewCitizenAsync();
        var counter = new HashCounter();
        await using var counted = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<IPasswordHasher<AppUser>>(sp => new CountingHasher(new PasswordHasher<AppUser>(sp.GetService<IOptions<PasswordHasherOptions>>()), counter))));
        var client = counted.CreateClient();

        async Task<(int Hashes, TimeSpan Time)> Attempt(string userName)
        {
            var before = counter.Verifications;
            var clock = Stopwatch.StartNew();
            using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = "Sai@2026!" });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            return (counter.Verifications - before, clock.Elapsed);
        }

        await Attempt(known); // warm-up
        var knownTries = new List<(int Hashes, TimeSpan Time)>();
        var unknownTries = new List<(int Hashes, TimeSpan Time)>();
        for (var i = 0; i < 3; i++)
        {
            knownTries.Add(await Attempt(known));
            unknownTries.Add(await Attempt($"khong-co-{Guid.NewGuid():N}"));
        }

        Assert.All(knownTries, t => Assert.Equal(1, t.Hashes));
        Assert.All(unknownTries, t => Assert.Equal(1, t.Hashes));

        // Loose on purpose (a shared machine is noisy): without the dummy hash an unknown name answered ~50 times faster.
        var knownMedian = knownTries.Select(t => t.Time).Order().ElementAt(1);
        var unknownMedian = unknownTries.Select(t => t.Time).Order().ElementAt(1);
        Assert.True(unknownMedian > knownMedian * 0.3, $"unknown {unknownMedian.TotalMilliseconds} ms vs known {knownMedian.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_stranger_typing_a_citizens_number_blocks_only_their_own_address()
    {
        var citizen = await NewCitizenAsync();
        using var scope = app.Services.CreateScope();
        var passwords = scope.ServiceProvider.GetRequiredService<PasswordSignIn>();
        for (var i = 0; i < SignInThrottle.FreeAttempts + 2; i++)
        {
            Assert.False((await passwords.SignInAsync(citizen, "Doan@2026!" + i, "203.0.113.5")).Succeeded);
        }

        var stranger = await passwords.SignInAsync(citizen, Password, "203.0.113.5");
        Assert.False(stranger.Succeeded);
        Assert.NotNull(stranger.RetryAfterSeconds);

        // The owner, from their own address, signs in as usual.
        var owner = await passwords.SignInAsync(citizen, Password, "198.51.100.7");
        Assert.True(owner.Succeeded);
    }

    [Fact]
    public void Waits_grow_with_each_failure_and_stop_at_fifteen_minutes()
    {
        Assert.Equal(1, SignInThrottle.WaitAfter(5).TotalMinutes);
        Assert.Equal(2, SignInThrottle.WaitAfter(6).TotalMinutes);
        Assert.Equal(4, SignInThrottle.WaitAfter(7).TotalMinutes);
        Assert.Equal(8, SignInThrottle.WaitAfter(8).TotalMinutes);
        Assert.Equal(15, SignInThrottle.WaitAfter(9).TotalMinutes);
        Assert.Equal(15, SignInThrottle.WaitAfter(50).TotalMinutes);
    }

    private Task<string> NewCitizenAsync() => TestAccounts.NewCitizenAsync(app, Password, "Đỗ Văn Thử");

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();

    private sealed class HashCounter
    {
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public void Count() => Interlocked.Increment(ref _verifications);
    }

    private sealed class CountingHasher(IPasswordHasher<AppUser> inner, HashCounter counter) : IPasswordHasher<AppUser>
    {
        public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            counter.Count();
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SignInThrottleOnSqlite(SqliteApp app) : SignInThrottleTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SignInThrottleOnPostgres(PostgresApp app) : SignInThrottleTests(app);
