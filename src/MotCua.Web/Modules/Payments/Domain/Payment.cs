using NodaTime;

namespace MotCua.Web.Modules.Payments.Domain;

/// <summary>Where a payment is in its life. Only the gateway's verified server-to-server notice makes it Paid or Failed.</summary>
public enum PaymentStatus
{
    /// <summary>Made, the payer not yet sent to the gateway.</summary>
    Created,

    /// <summary>The payer was sent to the gateway; its notice has not come.</summary>
    Pending,
    Paid,
    Failed,

    /// <summary>Its time ran out with no payment at the gateway.</summary>
    Expired,
    Refunded,
}

/// <summary>How the fee was paid: online through a gateway, or at the desk (or by post) and recorded there.</summary>
public enum PaymentMethod
{
    Online,
    Cash,
    Card,
    Transfer,

    /// <summary>
    /// Collected by the public postal service on the unit's behalf (thu hộ) when it picked up the documents or delivered
    /// the result, and recorded by reception when the post office hands it over.
    /// </summary>
    Postal,
}

/// <summary>What the gateway's notice did to a payment, in the words its answer needs.</summary>
public enum NoticeOutcome
{
    Confirmed,
    Declined,
    AlreadyConfirmed,
    WrongAmount,
}

/// <summary>
/// One line of what a payment pays, as the application said it was due: the fee's name, its kind ("Charge" = phí,
/// "Duty" = lệ phí, as the catalog's API names them) and the amount in đồng.
/// </summary>
public sealed record PaymentItem(string Name, string Kind, long Amount)
{
    public const string Charge = "Charge";
    public const string Duty = "Duty";

    /// <summary>The kind in Vietnamese, as a receipt writes it.</summary>
    public string KindName => Kind == Charge ? "Phí" : "Lệ phí";
}

/// <summary>
/// One attempt to pay an application's fee online: the amount (VND) fixed when it is made, the order reference the gateway
/// carries (<see cref="OrderRef"/>), an expiry, and a status only the gateway's signed notice moves past Pending.
/// </summary>
public sealed class Payment
{
    private Payment()
    {
        OrderRef = ApplicationCode = Provider = Description = string.Empty;
    }

    public Payment(string orderRef, long applicationId, string applicationCode, int unitId, long amount, string provider, string description, Guid? payerUserId, Instant now, Duration validFor,
        IEnumerable<PaymentItem>? items = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        Id = Guid.NewGuid();
        OrderRef = orderRef;
        ApplicationId = applicationId;
        ApplicationCode = applicationCode;
        UnitId = unitId;
        Amount = amount;
        Provider = provider;
        Description = description;
        PayerUserId = payerUserId;
        CreatedAt = now;
        ExpiresAt = now + validFor;
        Status = PaymentStatus.Created;
        _items = items?.ToList() ?? [];
    }

    public Guid Id { get; private set; }

    /// <summary>The order reference sent to the gateway (vnp_TxnRef): unique, short, digits and letters only.</summary>
    public string OrderRef { get; private set; }

    public long ApplicationId { get; private set; }
    public string ApplicationCode { get; private set; }

    /// <summary>The unit whose account the fee is collected into.</summary>
    public int UnitId { get; private set; }

    /// <summary>In đồng (VND has no minor unit).</summary>
    public long Amount { get; private set; }

    /// <summary>What it pays, line by line, as the application said it was due; empty for payments made before lines were kept.</summary>
    public IReadOnlyList<PaymentItem> Items => (IReadOnlyList<PaymentItem>?)_items ?? [];

#pragma warning disable IDE0044 // not readonly: the database sets it when it reads the row (null for a payment stored before lines were kept)
    private List<PaymentItem>? _items = [];
#pragma warning restore IDE0044

    /// <summary>The gateway it goes through ("sandbox", "vnpay").</summary>
    public string Provider { get; private set; }

    public string Description { get; private set; }
    public Guid? PayerUserId { get; private set; }
    public PaymentStatus Status { get; private set; }
    public Instant CreatedAt { get; private set; }
    public Instant ExpiresAt { get; private set; }
    public Instant? PaidAt { get; private set; }
    public Instant? NotifiedAt { get; private set; }

    /// <summary>The gateway's own transaction number (vnp_TransactionNo) and the bank, once it has answered.</summary>
    public string? GatewayTransactionNo { get; private set; }

    public string? BankCode { get; private set; }

    /// <summary>The gateway's response code on its notice ("00" paid; others say why not).</summary>
    public string? ResponseCode { get; private set; }

    public PaymentMethod Method { get; private set; } = PaymentMethod.Online;

    /// <summary>The officer who took a payment at the desk, or recorded a refund.</summary>
    public string? RecordedBy { get; private set; }

    /// <summary>The unit's collecting account the fee goes into, as it was declared when the payment was made.</summary>
    public string? AccountBank { get; private set; }

    public string? AccountNumber { get; private set; }
    public string? AccountHolder { get; private set; }

    public Instant? RefundedAt { get; private set; }
    public string? RefundedBy { get; private set; }
    public string? RefundReason { get; private set; }

    /// <summary>
    /// The receipt's number (biên lai thu phí, lệ phí): counted per collecting unit and calendar year (Vietnam time) from 1,
    /// given once, when the payment is first seen paid; null before.
    /// </summary>
    public int? ReceiptYear { get; private set; }

    public int? ReceiptNumber { get; private set; }

    /// <summary>Whether it has a receipt: paid, or paid and then refunded.</summary>
    public bool HasReceipt => Status is PaymentStatus.Paid or PaymentStatus.Refunded;

    /// <summary>Optimistic concurrency: two notices for one order at the same instant do not both win.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public bool IsSettled => Status is PaymentStatus.Paid or PaymentStatus.Failed or PaymentStatus.Expired or PaymentStatus.Refunded;

    /// <summary>A fee paid at the desk or by post (cash, card, transfer), recorded by the officer who took it: paid at once.</summary>
    public static Payment AtCounter(string orderRef, long applicationId, string applicationCode, int unitId, long amount, PaymentMethod method, string officer, string description, Guid? payerUserId, Instant now,
        IEnumerable<PaymentItem>? items = null)
    {
        if (method == PaymentMethod.Online)
        {
            throw new ArgumentOutOfRangeException(nameof(method), "A counter payment is taken in cash, by card or by transfer.");
        }

        var payment = new Payment(orderRef, applicationId, applicationCode, unitId, amount, CounterProvider, description, payerUserId, now, Duration.Zero, items)
        {
            Method = method,
            RecordedBy = officer,
            Status = PaymentStatus.Paid,
            PaidAt = now,
        };
        return payment;
    }

    /// <summary>Records the account the fee is collected into, as the unit declares it now (later changes leave it as it was).</summary>
    public void CollectInto(PaymentAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        (AccountBank, AccountNumber, AccountHolder) = (account.BankName, account.AccountNumber, account.AccountHolder);
    }

    /// <summary>The provider name of payments taken at the desk.</summary>
    public const string CounterProvider = "counter";

    /// <summary>Money paid back (an application refused or withdrawn after paying), with who and why; once.</summary>
    public bool Refund(string officer, string reason, Instant now)
    {
        if (Status != PaymentStatus.Paid)
        {
            return false;
        }

        Status = PaymentStatus.Refunded;
        RefundedAt = now;
        RefundedBy = officer;
        RefundReason = reason;
        Version = Guid.NewGuid();
        return true;
    }

    /// <summary>The payer is on their way to the gateway.</summary>
    public void SentToGateway()
    {
        if (Status == PaymentStatus.Created)
        {
            Status = PaymentStatus.Pending;
            Version = Guid.NewGuid();
        }
    }

    /// <summary>
    /// The gateway's verified notice: paid when both its codes say so, failed otherwise. The amount must be this payment's;
    /// a second notice changes nothing. A payment that ran out of time and is then paid at the gateway is still credited:
    /// the money left the payer's account.
    /// </summary>
    public NoticeOutcome Notice(long amount, bool paid, string? transactionNo, string? bankCode, string? responseCode, Instant now)
    {
        if (Status is PaymentStatus.Paid or PaymentStatus.Failed or PaymentStatus.Refunded)
        {
            return NoticeOutcome.AlreadyConfirmed;
        }

        if (amount != Amount)
        {
            return NoticeOutcome.WrongAmount;
        }

        GatewayTransactionNo = transactionNo;
        BankCode = bankCode;
        ResponseCode = responseCode;
        NotifiedAt = now;
        Version = Guid.NewGuid();
        if (paid)
        {
            Status = PaymentStatus.Paid;
            PaidAt = now;
            return NoticeOutcome.Confirmed;
        }

        Status = PaymentStatus.Failed;
        return NoticeOutcome.Declined;
    }

    /// <summary>No notice came and the time ran out (the gateway's own window has closed too).</summary>
    public bool Expire(Instant now)
    {
        if (Status is not (PaymentStatus.Created or PaymentStatus.Pending) || now < ExpiresAt)
        {
            return false;
        }

        Status = PaymentStatus.Expired;
        Version = Guid.NewGuid();
        return true;
    }
}
