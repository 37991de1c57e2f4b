using System.Diagnostics;
using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>Reads the QR code of a PDF's first page as a phone would: the page rendered to an image, then decoded.</summary>
public static class QrCodes
{
    public static string Read(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var folder = Directory.CreateTempSubdirectory("motcua-qr-");
        try
        {
            var input = Path.Combine(folder.FullName, "slip.pdf");
            File.WriteAllBytes(input, pdf);
            var start = new ProcessStartInfo("pdftoppm", ["-r", "150", "-f", "1", "-l", "1", "-png", input, Path.Combine(folder.FullName, "page")])
            {
                RedirectStandardError = true,
            };
            using (var process = Process.Start(start)!)
            {
                process.WaitForExit(30_000);
                Assert.True(process.ExitCode == 0, "pdftoppm: " + process.StandardError.ReadToEnd());
            }

            var png = Directory.GetFiles(folder.FullName, "page*.png").Single();
            using var bitmap = SKBitmap.Decode(png);
            var luminance = new byte[bitmap.Width * bitmap.Height];
            for (var y = 0; y < bitmap.Height; y++)
            {
                for (var x = 0; x < bitmap.Width; x++)
                {
                    var c = bitmap.GetPixel(x, y);
                    luminance[(y * bitmap.Width) + x] = (byte)((c.Red * 299 + c.Green * 587 + c.Blue * 114) / 1000);
                }
            }

            var source = new PlanarYUVLuminanceSource(luminance, bitmap.Width, bitmap.Height, 0, 0, bitmap.Width, bitmap.Height, false);
            var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true });
            Assert.True(result is not null, "No QR code found on the first page.");
            return result.Text;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
