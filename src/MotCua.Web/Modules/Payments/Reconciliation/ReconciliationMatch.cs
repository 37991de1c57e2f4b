using MotCua.Web.Modules.Payments.Domain;
using MotCua.Web.Modules.Payments.Gateways;

namespace MotCua.Web.Modules.Payments.Reconciliation;

/// <summary>How MotCua's record of an online payment and the gateway's record of it compare.</summary>
public enum Difference
{
    /// <summary>Both say the same: paid in both, or paid in neither.</summary>
    None,

    /// <summary>The gateway has a transaction MotCua has no payment for.</summary>
    OnlyAtGateway,

    /// <summary>MotCua has it paid; the gateway has no transaction for it.</summary>
    OnlyInMotCua,

    AmountDiffers,

    /// <summary>Paid in one, not in the other (a lost notice, or a notice that should not have been believed).</summary>
    StatusDiffers,

    /// <summary>The gateway could not be asked: nothing to compare with.</summary>
    NotChecked,
}

/// <summary>Where the gateway has a transaction: paid, failed, or not finished.</summary>
public enum GatewayState
{
    Paid,
    Failed,
    Open,
}

/// <summary>An online payment as MotCua recorded it.</summary>
public sealed record RecordedPayment(string OrderRef, string ApplicationCode, long Amount, PaymentStatus Status, string? TransactionNo)
{
    /// <summary>Money MotCua counts as received through the gateway (a refund is paid back separately).</summary>
    public bool Collected => Status is PaymentStatus.Paid or PaymentStatus.Refunded;
}

/// <summary>One line of the reconciliation: an order as MotCua has it beside the gateway's transaction for it.</summary>
public sealed record ReconciliationRow(
    string OrderRef, string? ApplicationCode, long? Amount, PaymentStatus? Status,
    long? GatewayAmount, GatewayState? GatewayStatus, string? GatewayTransactionNo, Difference Difference);

/// <summary>Matches MotCua's online payments with the gateway's transactions by order reference.</summary>
public static class ReconciliationMatch
{
    /// <summary>
    /// One row per payment MotCua recorded, in its order, then one per transaction only the gateway has.
    /// <paramref name="gateway"/> null: the gateway was not reached, and every row is <see cref="Difference.NotChecked"/>.
    /// </summary>
    public static IReadOnlyList<ReconciliationRow> Rows(IReadOnlyList<RecordedPayment> recorded, IReadOnlyList<GatewayTransaction>? gateway)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        if (gateway is null)
        {
            return recorded.Select(r => new ReconciliationRow(r.OrderRef, r.ApplicationCode, r.Amount, r.Status, null, null, null, Difference.NotChecked)).ToList();
        }

        // A gateway lists an order once; should it list it twice, the paid transaction is the one that counts.
        var byRef = gateway.GroupBy(g => g.OrderRef, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(t => t.Paid).First(), StringComparer.Ordinal);
        var rows = new List<ReconciliationRow>();
        foreach (var r in recorded)
        {
            if (!byRef.Remove(r.OrderRef, out var g))
            {
                rows.Add(new ReconciliationRow(r.OrderRef, r.ApplicationCode, r.Amount, r.Status, null, null, null, r.Collected ? Difference.OnlyInMotCua : Difference.None));
                continue;
            }

            var difference = g.Amount != r.Amount ? Difference.AmountDiffers
                : g.Paid != r.Collected ? Difference.StatusDiffers
                : Difference.None;
            rows.Add(new ReconciliationRow(r.OrderRef, r.ApplicationCode, r.Amount, r.Status, g.Amount, State(g), g.TransactionNo, difference));
        }

        rows.AddRange(gateway.Where(g => byRef.ContainsKey(g.OrderRef) && byRef[g.OrderRef] == g)
            .Select(g => new ReconciliationRow(g.OrderRef, null, null, null, g.Amount, State(g), g.TransactionNo, Difference.OnlyAtGateway)));
        return rows;
    }

    private static GatewayState State(GatewayTransaction g) => g.Paid ? GatewayState.Paid : g.Failed ? GatewayState.Failed : GatewayState.Open;
}
