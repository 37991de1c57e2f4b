using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace MotCua.Web.Modules.Payments.Gateways.Sandbox;

/// <summary>
/// The sandbox gateway's own record of what the payer did, as a real gateway keeps it: what its transaction query
/// (querydr) answers from, whether or not the merchant ever received the notice.
/// </summary>
public sealed class SandboxTransaction
{
    private SandboxTransaction()
    {
        TmnCode = TxnRef = TransactionNo = ResponseCode = TransactionStatus = BankCode = OrderInfo = string.Empty;
    }

    public SandboxTransaction(string tmnCode, string txnRef, long amount, string transactionNo, string responseCode, string transactionStatus, string bankCode, string orderInfo, Instant payDate)
    {
        TmnCode = tmnCode;
        TxnRef = txnRef;
        Amount = amount;
        TransactionNo = transactionNo;
        ResponseCode = responseCode;
        TransactionStatus = transactionStatus;
        BankCode = bankCode;
        OrderInfo = orderInfo;
        PayDate = payDate;
    }

    public long Id { get; private set; }
    public string TmnCode { get; private set; }
    public string TxnRef { get; private set; }
    public long Amount { get; private set; }
    public string TransactionNo { get; private set; }
    public string ResponseCode { get; private set; }
    public string TransactionStatus { get; private set; }
    public string BankCode { get; private set; }
    public string OrderInfo { get; private set; }
    public Instant PayDate { get; private set; }
}

internal sealed class SandboxTransactionMapping : IEntityTypeConfiguration<SandboxTransaction>
{
    public void Configure(EntityTypeBuilder<SandboxTransaction> b)
    {
        b.ToTable("sandbox_gateway_transactions");
        b.Property(t => t.TmnCode).HasMaxLength(20);
        b.Property(t => t.TxnRef).HasMaxLength(100);
        b.HasIndex(t => new { t.TmnCode, t.TxnRef }).IsUnique();
        b.Property(t => t.TransactionNo).HasMaxLength(20);
        b.Property(t => t.ResponseCode).HasMaxLength(4);
        b.Property(t => t.TransactionStatus).HasMaxLength(4);
        b.Property(t => t.BankCode).HasMaxLength(20);
        b.Property(t => t.OrderInfo).HasMaxLength(255);
    }
}
