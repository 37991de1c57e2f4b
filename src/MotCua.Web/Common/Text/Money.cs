namespace MotCua.Web.Common.Text;

public static class Money
{
    /// <summary>12000 → "12.000 đồng"; 0 → "Miễn phí".</summary>
    public static string Vnd(long amount) =>
        amount == 0 ? "Miễn phí" : amount.ToString("#,0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + " đồng";
}
