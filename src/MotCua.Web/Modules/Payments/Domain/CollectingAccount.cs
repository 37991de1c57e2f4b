using System.Globalization;
using System.Text;
using NodaTime;

namespace MotCua.Web.Modules.Payments.Domain;

/// <summary>A bank (or the State Treasury) a unit may hold its collecting account at: its short code, NAPAS BIN where it has one, and its names.</summary>
public sealed record Bank(string Code, string? Bin, string ShortName, string Name);

/// <summary>The banks most public units collect fees through; another bank is named in free text.</summary>
public static class VietnameseBanks
{
    /// <summary>The State Treasury: most public units' fee accounts are held there.</summary>
    public const string StateTreasury = "KBNN";

    /// <summary>The choice that lets the admin type the bank's name.</summary>
    public const string Other = "KHAC";

    public static readonly IReadOnlyList<Bank> All =
    [
        new(StateTreasury, null, "Kho bạc Nhà nước", "Kho bạc Nhà nước"),
        new("VCB", "970436", "Vietcombank", "Ngân hàng TMCP Ngoại thương Việt Nam"),
        new("CTG", "970415", "VietinBank", "Ngân hàng TMCP Công thương Việt Nam"),
        new("BIDV", "970418", "BIDV", "Ngân hàng TMCP Đầu tư và Phát triển Việt Nam"),
        new("VBA", "970405", "Agribank", "Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam"),
        new("MB", "970422", "MB", "Ngân hàng TMCP Quân đội"),
        new("TCB", "970407", "Techcombank", "Ngân hàng TMCP Kỹ thương Việt Nam"),
        new("ACB", "970416", "ACB", "Ngân hàng TMCP Á Châu"),
        new("VPB", "970432", "VPBank", "Ngân hàng TMCP Việt Nam Thịnh Vượng"),
        new("LPB", "970449", "LPBank", "Ngân hàng TMCP Lộc Phát Việt Nam"),
        new("STB", "970403", "Sacombank", "Ngân hàng TMCP Sài Gòn Thương Tín"),
    ];

    public static Bank? Find(string? code) => All.FirstOrDefault(b => b.Code == code);
}

/// <summary>What an admin declares for a unit, as typed.</summary>
public sealed record AccountDeclaration(string? BankCode, string? OtherBankName, string? AccountNumber, string? AccountHolder, string? Provider);

/// <summary>
/// A declaration that passed the rules: the bank (its key: the code from <see cref="VietnameseBanks"/>, or the folded
/// name of another bank), the account number as digits, the holder as the bank registers it, the provider that collects.
/// </summary>
public sealed record AccountDetails(string BankKey, string BankName, string AccountNumber, string AccountHolder, string Provider);

/// <summary>
/// The rules of a unit's collecting account (tài khoản thu phí, lệ phí): fees go into the processing unit's own
/// account, never a personal or shared one (seed 001; ../shared/reference/legal.md, "Online payment"). That it is not
/// shared is checked against the other units' accounts, where they are kept.
/// </summary>
public static class CollectingAccountRules
{
    public const int ShortestNumber = 6;
    public const int LongestNumber = 19;
    public const int HolderMaxLength = 200;
    public const int BankNameMaxLength = 120;

    /// <summary>
    /// The words an organisation's name begins with, folded (no diacritics, upper case) as banks often write it ("UBND XA
    /// AN LAC", "SO TU PHAP TINH AN BINH"). A person's name begins with a family name, and none of these is one; the
    /// words are looked for at the start only, so a given name such as Cúc or Phong does not count.
    /// </summary>
    private static readonly string[][] OrganisationStarts =
    [
        ["UBND"], ["UY", "BAN"], ["HDND"], ["HOI", "DONG"], ["SO"], ["BAN"], ["BQL"], ["VAN", "PHONG"], ["VP"], ["TRUNG", "TAM"],
        ["CHI", "CUC"], ["KHO", "BAC"], ["KBNN"], ["PHONG"], ["CUC"], ["TONG", "CUC"], ["CONG", "AN"], ["BENH", "VIEN"],
        ["TOA", "AN"], ["VIEN"], ["BO"], ["CHI", "NHANH"], ["DON", "VI"], ["HAT"], ["TRAM"], ["DOI"],
    ];

    /// <summary>The checked declaration, or what is wrong with it field by field (bankCode, bankName, accountNumber, accountHolder, provider).</summary>
    public static (AccountDetails? Details, IReadOnlyList<(string Field, string Message)> Problems) Check(
        AccountDeclaration input, string unitName, IReadOnlyCollection<string> providers)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(providers);
        var problems = new List<(string, string)>();

        string? bankKey = null, bankName = null;
        if (VietnameseBanks.Find(input.BankCode) is { } bank)
        {
            (bankKey, bankName) = (bank.Code, bank.ShortName);
        }
        else if (input.BankCode == VietnameseBanks.Other)
        {
            var name = Clean(input.OtherBankName);
            if (name is null)
            {
                problems.Add(("bankName", "Nhập tên ngân hàng nơi mở tài khoản."));
            }
            else if (name.Length > BankNameMaxLength)
            {
                problems.Add(("bankName", $"Tên ngân hàng dài quá {BankNameMaxLength} ký tự."));
            }
            else
            {
                (bankKey, bankName) = (Fold(name), name);
            }
        }
        else
        {
            problems.Add(("bankCode", "Chọn ngân hàng hoặc Kho bạc Nhà nước nơi mở tài khoản."));
        }

        var number = Number(input.AccountNumber);
        if (number is null)
        {
            problems.Add(("accountNumber", $"Nhập số tài khoản gồm {ShortestNumber} đến {LongestNumber} chữ số."));
        }

        var holder = Clean(input.AccountHolder);
        if (holder is null)
        {
            problems.Add(("accountHolder", "Nhập tên chủ tài khoản đúng như ngân hàng đăng ký (tên của đơn vị)."));
        }
        else if (holder.Length > HolderMaxLength)
        {
            problems.Add(("accountHolder", $"Tên chủ tài khoản dài quá {HolderMaxLength} ký tự."));
        }
        else if (!NamesOrganisation(holder, unitName))
        {
            problems.Add(("accountHolder", $"Chủ tài khoản phải là cơ quan, đơn vị, không phải cá nhân: phí, lệ phí chỉ được thu vào tài khoản của đơn vị. Ghi tên đơn vị như ngân hàng đăng ký (ví dụ “{unitName}”), có các chữ như UBND, Sở, Ban, Văn phòng, Trung tâm, Chi cục, Kho bạc, Phòng, Cục, Công an."));
        }

        var provider = input.Provider?.Trim();
        if (string.IsNullOrEmpty(provider) || !providers.Contains(provider))
        {
            problems.Add(("provider", "Chọn cổng thanh toán thu hộ cho đơn vị."));
        }

        return problems.Count > 0 ? (null, problems) : (new AccountDetails(bankKey!, bankName!, number!, holder!, provider!), problems);
    }

    /// <summary>Whether a holder's name names an organisation: it begins as one does (<see cref="OrganisationStarts"/>), or holds the unit's own name.</summary>
    public static bool NamesOrganisation(string holder, string unitName)
    {
        var words = Words(holder);
        var unit = Words(unitName);
        bool At(int i, string[] phrase) => i + phrase.Length <= words.Length && words.AsSpan(i, phrase.Length).SequenceEqual(phrase);
        return words.Length > 0 && (OrganisationStarts.Any(phrase => At(0, phrase))
            || (unit.Length > 0 && Enumerable.Range(0, words.Length).Any(i => At(i, unit))));
    }

    /// <summary>"3511.0.1234567" or "0071 0001 23456" → digits; null unless 6–19 digits remain.</summary>
    public static string? Number(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var digits = new string(text.Where(c => c is not (' ' or '.' or '-')).ToArray());
        return digits.Length is >= ShortestNumber and <= LongestNumber && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>Trimmed, single-spaced, NFC; null when empty or when it carries control characters.</summary>
    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Any(c => char.IsControl(c)))
        {
            return null;
        }

        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Normalize(NormalizationForm.FormC);
    }

    private static string[] Words(string text) =>
        new string(Fold(text).Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>"Ủy ban nhân dân xã Đông Hòa" → "UY BAN NHAN DAN XA DONG HOA".</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plain = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(c switch { 'đ' or 'Đ' => 'D', _ => char.ToUpperInvariant(c) });
            }
        }

        return string.Join(' ', plain.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}

/// <summary>
/// The account a unit's fees are collected into, and the payment provider (merchant) that collects for it. One per
/// unit; the same account number at the same bank belongs to one unit only.
/// </summary>
public sealed class CollectingAccount
{
    private CollectingAccount()
    {
        BankKey = BankName = AccountNumber = AccountHolder = Provider = DeclaredBy = string.Empty;
    }

    public int UnitId { get; private set; }

    /// <summary>The bank's code from <see cref="VietnameseBanks"/>, or the folded name of another bank: what "the same bank" means.</summary>
    public string BankKey { get; private set; }

    public string BankName { get; private set; }
    public string AccountNumber { get; private set; }
    public string AccountHolder { get; private set; }

    /// <summary>The name of the configured payment provider that collects for the unit ("sandbox", "vnpay").</summary>
    public string Provider { get; private set; }

    public Instant DeclaredAt { get; private set; }
    public string DeclaredBy { get; private set; }

    /// <summary>Two admins saving at once: the second is told to reload.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public static (CollectingAccount Account, CollectingAccountChange Change) Declare(int unitId, AccountDetails details, string by, Instant now)
    {
        ArgumentNullException.ThrowIfNull(details);
        var account = new CollectingAccount { UnitId = unitId };
        account.Set(details, by, now);
        return (account, CollectingAccountChange.Of(unitId, null, details, by, now));
    }

    /// <summary>The new details, with the history line saying what they replaced; null when nothing changes.</summary>
    public CollectingAccountChange? Change(AccountDetails details, string by, Instant now)
    {
        ArgumentNullException.ThrowIfNull(details);
        var before = Details;
        if (before == details)
        {
            return null;
        }

        Set(details, by, now);
        return CollectingAccountChange.Of(UnitId, before, details, by, now);
    }

    public AccountDetails Details => new(BankKey, BankName, AccountNumber, AccountHolder, Provider);

    private void Set(AccountDetails details, string by, Instant now)
    {
        (BankKey, BankName, AccountNumber, AccountHolder, Provider) = (details.BankKey, details.BankName, details.AccountNumber, details.AccountHolder, details.Provider);
        (DeclaredBy, DeclaredAt, Version) = (by, now, Guid.NewGuid());
    }
}

/// <summary>One change of a unit's collecting account: who, when, what it was and what it became. Never edited or deleted.</summary>
public sealed class CollectingAccountChange
{
    private CollectingAccountChange()
    {
        By = NewBankName = NewAccountNumber = NewAccountHolder = NewProvider = string.Empty;
    }

    public long Id { get; private set; }
    public int UnitId { get; private set; }
    public Instant At { get; private set; }
    public string By { get; private set; }
    public string? OldBankName { get; private set; }
    public string? OldAccountNumber { get; private set; }
    public string? OldAccountHolder { get; private set; }
    public string? OldProvider { get; private set; }
    public string NewBankName { get; private set; }
    public string NewAccountNumber { get; private set; }
    public string NewAccountHolder { get; private set; }
    public string NewProvider { get; private set; }

    internal static CollectingAccountChange Of(int unitId, AccountDetails? before, AccountDetails after, string by, Instant at) => new()
    {
        UnitId = unitId,
        At = at,
        By = by,
        OldBankName = before?.BankName,
        OldAccountNumber = before?.AccountNumber,
        OldAccountHolder = before?.AccountHolder,
        OldProvider = before?.Provider,
        NewBankName = after.BankName,
        NewAccountNumber = after.AccountNumber,
        NewAccountHolder = after.AccountHolder,
        NewProvider = after.Provider,
    };
}

/// <summary>The account a payment was collected into, as it was when the payment was made.</summary>
public sealed record PaymentAccount(string BankName, string AccountNumber, string AccountHolder);
