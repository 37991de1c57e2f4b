using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Common.Text;
using MotCua.Web.Modules.Payments.Domain;
using NodaTime;

namespace MotCua.Web.Modules.Payments.Receipts;

/// <summary>The last receipt number a unit gave in a year (Vietnam time).</summary>
public sealed class ReceiptCounter
{
    private ReceiptCounter()
    {
    }

    public int UnitId { get; private set; }
    public int Year { get; private set; }
    public int LastNumber { get; private set; }
}

internal sealed class ReceiptCounterMapping : IEntityTypeConfiguration<ReceiptCounter>
{
    public void Configure(EntityTypeBuilder<ReceiptCounter> b)
    {
        b.ToTable("receipt_counters");
        b.HasKey(c => new { c.UnitId, c.Year });
    }
}

/// <summary>
/// Gives a paid payment its receipt number: the next of its unit's year, once. The counter row is raised and the
/// payment numbered in one transaction; the row lock (PostgreSQL) or the write lock (SQLite) makes concurrent payments
/// wait for each other, so numbers follow on without gaps or twins, and the unique index on the payment guards the rest.
/// </summary>
public sealed class ReceiptNumbers(MotCuaDbContext db, ILogger<ReceiptNumbers> logger)
{
    /// <summary>Numbers the payment when it is paid (or refunded) and has no number yet; otherwise changes nothing.</summary>
    public async Task AssignAsync(Guid paymentId, CancellationToken cancellationToken)
    {
        var payment = await db.Set<Payment>().AsNoTracking().Where(p => p.Id == paymentId)
            .Select(p => new { p.UnitId, p.PaidAt, p.Status, p.ReceiptNumber }).SingleOrDefaultAsync(cancellationToken);
        if (payment is not { PaidAt: { } paidAt, ReceiptNumber: null } || payment.Status is not (PaymentStatus.Paid or PaymentStatus.Refunded))
        {
            return;
        }

        var (unitId, year) = (payment.UnitId, paidAt.InZone(VietnameseDates.Zone).Year);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO receipt_counters ("UnitId", "Year", "LastNumber") VALUES ({unitId}, {year}, 0) ON CONFLICT ("UnitId", "Year") DO NOTHING""",
                cancellationToken);
            var next = (await db.Database.SqlQuery<int>(
                $"""UPDATE receipt_counters SET "LastNumber" = "LastNumber" + 1 WHERE "UnitId" = {unitId} AND "Year" = {year} RETURNING "LastNumber" AS "Value" """)
                .ToListAsync(cancellationToken)).Single();
            var numbered = await db.Set<Payment>().Where(p => p.Id == paymentId && p.ReceiptNumber == null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.ReceiptYear, year).SetProperty(p => p.ReceiptNumber, next), cancellationToken);
            if (numbered == 1)
            {
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Payment {PaymentId} has receipt {Number} of {Year} of unit {UnitId}", paymentId, next, year, unitId);
            }
            else
            {
                // Numbered meanwhile by another caller: its number stands, this one is given back.
                await transaction.RollbackAsync(cancellationToken);
            }
        });
    }

    /// <summary>Numbers the payment as <see cref="AssignAsync"/> does; a failure is logged, the receipt's download numbers it later.</summary>
    public async Task TryAssignAsync(Guid paymentId, CancellationToken cancellationToken)
    {
        try
        {
            await AssignAsync(paymentId, cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            logger.LogWarning(e, "Payment {PaymentId} paid, its receipt not yet numbered", paymentId);
        }
    }
}
