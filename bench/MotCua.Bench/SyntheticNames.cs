using MotCua.Web.Modules.Catalog.Domain;

namespace MotCua.Bench;

/// <summary>Vietnamese names for the synthetic provinces, people and procedures: plausible, deterministic, never real persons.</summary>
internal static class SyntheticNames
{
    private static readonly string[] Surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
    private static readonly string[] Middles = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Đức", "Thu", "Quốc", "Hoài", "Gia", "Bảo", "Xuân", "Kim"];
    private static readonly string[] Givens = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Huy", "Hương", "Khang", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vy", "Yến"];
    private static readonly string[] Streets = ["Trần Phú", "Lê Lợi", "Nguyễn Huệ", "Hùng Vương", "Hai Bà Trưng", "Lý Thường Kiệt", "Quang Trung", "Nguyễn Trãi", "Lê Duẩn", "Phan Chu Trinh"];

    public static readonly string[] Districts = ["Thanh Sơn", "Yên Lạc", "Phú Bình", "Hòa An", "Tân Châu", "Vĩnh Tường", "Quảng Xương", "Kim Thành", "Lạc Thủy", "Mỹ Lộc"];

    private static readonly string[] PlaceFirst = ["An", "Bình", "Đông", "Tây", "Nam", "Bắc", "Tân", "Phú", "Hưng", "Vĩnh", "Thạch", "Quang", "Minh", "Thanh", "Yên", "Cẩm", "Gia", "Lạc", "Phúc", "Kim"];
    private static readonly string[] PlaceSecond = ["Hòa", "Lợi", "Thịnh", "Tiến", "Phong", "Sơn", "Hà", "Lâm", "Thành", "Trung", "Hải", "Khánh", "Xuân", "Thuận", "Đức", "Long", "Mỹ", "Nghĩa", "Quý", "Tường"];

    public static readonly string[] Departments =
    [
        "Sở Tư pháp", "Sở Tài chính", "Sở Xây dựng", "Sở Nông nghiệp và Môi trường", "Sở Y tế", "Sở Giáo dục và Đào tạo",
        "Sở Nội vụ", "Sở Công Thương", "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch", "Sở Dân tộc và Tôn giáo",
        "Ban Quản lý các khu công nghiệp", "Sở Ngoại vụ",
    ];

    public static readonly string[] DistrictOffices = ["Phòng Tư pháp", "Phòng Kinh tế – Hạ tầng", "Phòng Tài chính – Kế hoạch"];

    /// <summary>A commune-level place name, distinct for each index below 380.</summary>
    public static string Place(int index)
    {
        var first = index % PlaceFirst.Length;
        var second = (index / PlaceFirst.Length + first + 1) % PlaceSecond.Length;
        return $"{PlaceFirst[first]} {PlaceSecond[second]}";
    }

    public static string Person(ulong h) =>
        $"{Surnames[(int)(h % (ulong)Surnames.Length)]} {Middles[(int)(h / 16 % (ulong)Middles.Length)]} {Givens[(int)(h / 256 % (ulong)Givens.Length)]}";

    public static string Address(ulong h, string place) =>
        $"Số {1 + (int)(h % 180)} đường {Streets[(int)(h / 180 % (ulong)Streets.Length)]}, {place}";

    /// <summary>Real procedure names (shared/reference/procedure-codes.tsv, copied into Data/), national code first.</summary>
    public static IReadOnlyList<(string Code, string Name)> RealProcedures()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "procedure-names.tsv");
        return File.ReadLines(path).Skip(1)
            .Select(l => l.Split('\t'))
            .Where(p => p.Length == 2 && p[1].Trim().Length > 0)
            .Select(p => (p[0].Trim(), p[1].Trim()))
            .ToList();
    }

    /// <summary>How provinces tell apart the same national procedure done at several places or in several cases.</summary>
    public static readonly string[] Variants =
    [
        "", " (trường hợp cấp lại)", " (trường hợp điều chỉnh, bổ sung)", " (trường hợp gia hạn)",
        " (thực hiện liên thông)", " (đối với tổ chức)", " (đối với cá nhân)", " (trường hợp cấp đổi)",
    ];

    private static readonly (string[] Words, string Field, int Department)[] FieldRules =
    [
        (["khai sinh", "ket hon", "khai tu", "ho tich", "giam ho", "nhan cha", "quoc tich", "nuoi con nuoi", "ly lich tu phap"], "Hộ tịch", 0),
        (["chung thuc", "cong chung", "luat su", "tro giup phap ly", "giam dinh", "dau gia", "trong tai", "thua phat lai"], "Bổ trợ tư pháp", 0),
        (["dat", "nha o", "bat dong san", "tai nguyen", "nuoc", "khoang san", "moi truong", "bien"], "Đất đai, tài nguyên và môi trường", 3),
        (["xay dung", "quy hoach", "kien truc", "giao thong", "duong bo", "xe"], "Xây dựng và giao thông", 2),
        (["doanh nghiep", "cong ty", "ho kinh doanh", "hop tac xa", "dau tu", "chi nhanh", "van phong dai dien"], "Thành lập và hoạt động doanh nghiệp", 1),
        (["thuoc", "duoc", "y te", "kham benh", "chua benh", "my pham", "an toan thuc pham", "hanh nghe"], "Y tế", 4),
        (["truong", "giao duc", "dao tao", "hoc", "giao vien", "van bang", "chung chi"], "Giáo dục và Đào tạo", 5),
        (["lao dong", "viec lam", "that nghiep", "bao hiem", "nguoi co cong", "tro cap", "luong"], "Lao động, việc làm", 6),
        (["xuat xu", "thuong mai", "xang dau", "ruou", "thuoc la", "dien", "hoa chat", "cong nghiep", "khuyen mai", "ban le"], "Công thương", 7),
        (["khoa hoc", "cong nghe", "so huu tri tue", "tieu chuan", "do luong", "buc xa"], "Khoa học và công nghệ", 8),
        (["van hoa", "the thao", "du lich", "di san", "quang cao", "bieu dien", "le hoi", "thu vien"], "Văn hóa, thể thao và du lịch", 9),
        (["ton giao", "tin nguong", "dan toc"], "Tôn giáo, tín ngưỡng", 10),
        (["khu cong nghiep", "khu kinh te", "khu che xuat"], "Khu công nghiệp", 11),
        (["nuoc ngoai", "ho chieu", "thi thuc", "hoi nghi quoc te"], "Ngoại vụ", 12),
        (["nong nghiep", "rung", "thuy san", "cay trong", "vat nuoi", "thu y", "giong", "phan bon", "thuy loi"], "Nông nghiệp", 3),
        (["can bo", "cong chuc", "vien chuc", "thi dua", "khen thuong", "hoi", "quy"], "Nội vụ", 6),
        (["tai chinh", "ngan sach", "thue", "phi", "gia"], "Tài chính", 1),
    ];

    /// <summary>The field (lĩnh vực) of a procedure and the department that handles it at province level, by the words of its name.</summary>
    public static (string Field, int Department) FieldOf(string name)
    {
        var folded = " " + VietnameseText.Fold(name) + " ";
        foreach (var (words, field, department) in FieldRules)
        {
            if (words.Any(w => folded.Contains(" " + w + " ", StringComparison.Ordinal)))
            {
                return (field, department);
            }
        }

        return ("Hành chính tư pháp khác", 0);
    }

    /// <summary>SplitMix64: a fast, well-mixed hash of an index, so every generated row is the same on every run.</summary>
    public static ulong Hash(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
