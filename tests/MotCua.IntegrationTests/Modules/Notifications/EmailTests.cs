using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Common;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Common.Outbox;
using MotCua.Web.Common.Persistence;
using NodaTime;
using static MotCua.IntegrationTests.Modules.Applications.LifecycleApi;

namespace MotCua.IntegrationTests.Modules.Notifications;

/// <summary>The e-mail channel over a real SMTP conversation with a listener the test starts.</summary>
public abstract class EmailTests
{
    protected abstract MotCuaApp Create(IReadOnlyDictionary<string, string> settings);

    [Fact]
    public async Task Reception_sends_the_applicant_an_email_and_a_resend_after_a_crash_is_the_same_message()
    {
        await using var smtp = new SmtpListener();
        var app = Create(new Dictionary<string, string>(OutboxTestSettings.Fast)
        {
            ["Email:Mode"] = "Smtp",
            ["Email:Host"] = "127.0.0.1",
            ["Email:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Security"] = "None",
            ["Email:From"] = "Cổng Dịch vụ công tỉnh An Bình <khongtraloi@anbinh.gov.vn>",
        });
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            var code = await SubmitBirthAsync(app, await app.ApiClientFor("citizen1"), "Thư Điện Tử");
            await ActOkAsync(await app.ApiClientFor("reception1"), code, new { action = "receive" });

            var mail = await OutboxTests.EventuallyAsync(() => Task.FromResult(
                smtp.Parsed().FirstOrDefault(m => m.Subject == $"Hồ sơ đã được tiếp nhận – hồ sơ {code}")));
            Assert.Equal("citizen1@demo.anbinh.gov.vn", mail.To.Mailboxes.Single().Address);
            Assert.Equal("Nguyễn Văn An", mail.To.Mailboxes.Single().Name);
            Assert.Equal("khongtraloi@anbinh.gov.vn", mail.From.Mailboxes.Single().Address);
            Assert.Contains("Ngày hẹn trả kết quả", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains($"{MotCuaApp.PublicBaseUrl}/ho-so/{code}", mail.TextBody, StringComparison.Ordinal);

            // The worker dies after sending, before marking: the lease runs out, the message goes again, with the same
            // Message-ID, so the receiver sees one message.
            long id;
            using (var scope = app.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
                // Sent is not yet marked: wait for the worker to mark it.
                id = await OutboxTests.EventuallyAsync(async () => await db.Set<OutboxDelivery>().AsNoTracking().Where(d => d.Consumer == "email" && d.State == DeliveryState.Delivered
                        && db.Set<OutboxMessage>().Any(m => m.Id == d.MessageId && m.Payload.Contains(code) && m.Payload.Contains("\"toStatus\":\"Received\"")))
                    .Select(d => (long?)d.Id).SingleOrDefaultAsync()) ?? 0;
                var past = SystemClock.Instance.GetCurrentInstant() - Duration.FromMinutes(5);
                await db.Set<OutboxDelivery>().Where(d => d.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.State, DeliveryState.Leased).SetProperty(d => d.LeaseOwner, "dead-node").SetProperty(d => d.LeaseUntil, past));
            }

            app.Services.GetRequiredService<OutboxSignal>().Wake();
            var messageId = $"delivery-{id}@dichvucong.anbinh.gov.vn";
            Assert.Equal(messageId, mail.MessageId);
            await OutboxTests.EventuallyAsync(() => Task.FromResult(smtp.Parsed().Count(m => m.MessageId == messageId) >= 2 ? (bool?)true : null));

            // Sent twice, one message as the receiver counts them (by Message-ID), with the same content.
            var copies = smtp.Parsed().Where(m => m.MessageId == messageId).ToList();
            Assert.Single(copies.Select(m => m.MessageId).Distinct());
            Assert.Single(copies.Select(m => m.Subject + m.TextBody).Distinct());
        }
        finally
        {
            await app.DisposeAsync();
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}

public sealed class EmailOnSqlite : EmailTests
{
    protected override MotCuaApp Create(IReadOnlyDictionary<string, string> settings) => new ConfiguredSqliteApp(settings);
}

public sealed class EmailOnPostgres : EmailTests
{
    protected override MotCuaApp Create(IReadOnlyDictionary<string, string> settings) => new ConfiguredPostgresApp(settings);
}
