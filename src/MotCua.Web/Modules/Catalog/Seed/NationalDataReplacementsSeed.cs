using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Catalog.Domain;
using MotCua.Web.Modules.Catalog.Public;

namespace MotCua.Web.Modules.Catalog.Seed;

/// <summary>
/// Every database starts with the national list of documents replaced by national data (741 lines, embedded from
/// documents-replaced-by-national-data.tsv); after that the province admin owns the list, so nothing is added to a
/// table that has rows.
/// </summary>
internal sealed class NationalDataReplacementsSeed(MotCuaDbContext db, CatalogDirectory directory) : IDatabaseSeeder
{
    public const string Resource = "MotCua.Web.documents-replaced-by-national-data.tsv";

    public int Order => 2;

    public bool DemoOnly => false;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<NationalDataReplacement>().AnyAsync(cancellationToken))
        {
            return;
        }

        db.AddRange(Read());
        await db.SaveChangesAsync(cancellationToken);
        directory.Invalidate();
    }

    /// <summary>The lines of the embedded list: procedure_code, procedure_name, document_replaced, national_database, database_owner.</summary>
    public static IReadOnlyList<NationalDataReplacement> Read()
    {
        using var stream = typeof(NationalDataReplacementsSeed).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"{Resource} is not embedded.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        var lines = new List<NationalDataReplacement>();
        reader.ReadLine(); // the header
        while (reader.ReadLine() is { } line)
        {
            var cells = line.Split('\t').Select(c => c.Trim().Normalize(System.Text.NormalizationForm.FormC)).ToArray();
            if (cells.Length < 5 || cells[0].Length == 0 || cells[2].Length == 0 || cells[3].Length == 0)
            {
                continue;
            }

            lines.Add(new NationalDataReplacement(cells[0], Fit(cells[1], NationalDataReplacement.ProcedureNameLength), Fit(cells[2], NationalDataReplacement.DocumentLength),
                Fit(cells[3], NationalDataReplacement.DatabaseLength), Fit(cells[4], NationalDataReplacement.OwnerLength)));
        }

        return lines;
    }

    private static string Fit(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
