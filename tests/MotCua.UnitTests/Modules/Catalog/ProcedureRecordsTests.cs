using System.Text.Json;
using MotCua.Web.Modules.Catalog.Exchange;
using MotCua.Web.Modules.Catalog.Public;

namespace MotCua.UnitTests.Modules.Catalog;

/// <summary>Catalog exchange records: the sample file is clean, a broken record says why in Vietnamese, a procedure reads back as its record.</summary>
public sealed class ProcedureRecordsTests
{
    private static readonly string SampleFile = Path.Combine(AppContext.BaseDirectory, "Modules", "Catalog", "Exchange", "Samples", "catalog-sample.json");
    private static readonly HashSet<string> Levels = ["province", "district", "commune"];
    private static readonly HashSet<string> Units = ["000.01.00.H99", "000.02.00.H99", "000.21.21.H99", "000.22.21.H99", "000.23.21.H99"];

    private static CatalogFile Sample() => JsonSerializer.Deserialize<CatalogFile>(File.ReadAllText(SampleFile), CatalogJson.Options)!;

    private static ProcedureRecord Copy() => Sample().Procedures.Single(p => p.Code == "2.000908");

    [Fact]
    public void The_sample_file_uses_real_national_codes_and_breaks_no_rule()
    {
        var national = File.ReadLines(NationalCodes())
            .Skip(1).Select(l => l.Split('\t')).ToDictionary(c => c[0], c => c[1], StringComparer.Ordinal);
        var sample = Sample();
        Assert.Equal(CatalogFile.FormatName, sample.Format);
        Assert.All(sample.Procedures, p =>
        {
            Assert.Empty(ProcedureRecords.Problems(p, Levels, Units));
            Assert.Equal(national[p.Code], p.Name);
        });
    }

    /// <summary>../shared/reference/procedure-codes.tsv beside the repository: the published national codes.</summary>
    private static string NationalCodes()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "shared", "reference", "procedure-codes.tsv");
            if (File.Exists(file))
            {
                return file;
            }
        }

        throw new FileNotFoundException("shared/reference/procedure-codes.tsv is not beside the repository.");
    }

    [Fact]
    public void A_broken_record_lists_every_problem_in_vietnamese()
    {
        var broken = Copy() with
        {
            Code = "mã có dấu",
            Level = "ward",
            Units = ["000.99.99.H99"],
            Fees = [new FeeRecord("Phí", 1_000, 2_000)],
            Processing = new TimeRecord(0, Web.Modules.Calendar.Public.TimeUnit.WorkingDays),
            Workflow = [new StepRecord("Tiếp nhận", StepRole.Reception, "000.98.98.H99", 1)],
        };
        var problems = ProcedureRecords.Problems(broken, Levels, Units);
        Assert.Contains(problems, p => p.StartsWith("Mã thủ tục", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("\"ward\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("000.99.99.H99", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("không được cao hơn", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Thời hạn giải quyết", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("000.98.98.H99", StringComparison.Ordinal));
    }

    [Fact]
    public void The_procedure_rules_apply_to_records_too()
    {
        Assert.Contains(ProcedureRecords.Problems(Copy() with { Form = null }, Levels, Units), p => p.Contains("biểu mẫu điện tử", StringComparison.Ordinal));
        Assert.Contains(ProcedureRecords.Problems(Copy() with { OnlineOnly = true }, Levels, Units), p => p.Contains("toàn trình", StringComparison.Ordinal));
        Assert.Contains(ProcedureRecords.Problems(Copy() with { Workflow = [] }, Levels, Units), p => p.Contains("quy trình", StringComparison.Ordinal));
    }

    [Fact]
    public void A_procedure_reads_back_as_the_record_it_was_made_from()
    {
        var record = Copy();
        var ids = Units.Select((code, i) => (code, id: i + 1)).ToDictionary(x => x.code, x => x.id, StringComparer.Ordinal);
        var procedure = ProcedureRecords.Create(record, ids);
        var back = ProcedureRecords.From(procedure, ids.ToDictionary(x => x.Value, x => x.Key));
        Assert.Equal(CatalogJson.Canonical(record.Terms with { Units = record.Units.Order(StringComparer.Ordinal).ToList() }), CatalogJson.Canonical(back.Terms));
    }
}
