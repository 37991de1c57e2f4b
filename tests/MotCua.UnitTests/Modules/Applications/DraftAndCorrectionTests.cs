using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Catalog.Public;
using NodaTime;
using static MotCua.UnitTests.Modules.Applications.ApplicationFixture;

namespace MotCua.UnitTests.Modules.Applications;

public sealed class DraftAndCorrectionTests
{
    private static readonly ProcedureTerms Terms = CatalogDirectory.Terms(BirthRegistration());

    [Fact]
    public void The_applicant_revises_a_draft_and_moving_it_to_another_office_gives_it_that_offices_code()
    {
        var a = Draft();
        var refused = a.ReviseDraft("000.02.00.H99-261123-0001", Terms, CatalogDirectory.Card(OtherWard), new Dictionary<string, UnitCard>(), """{"hoTen":"B"}""", Citizen);

        Assert.Null(refused);
        Assert.Equal("000.02.00.H99-261123-0001", a.Code);
        Assert.Equal(OtherWard.Path, a.UnitPath);
        Assert.All(a.Steps, s => Assert.Equal(OtherWard.Path, s.UnitPath));
        Assert.Equal("""{"hoTen":"B"}""", a.FormJson);
        Assert.Equal(ApplicationStatus.Draft, a.Status);
    }

    [Fact]
    public void A_sent_application_or_someone_elses_draft_cannot_be_revised()
    {
        var sent = In(ApplicationStatus.Submitted);
        Assert.Equal(RefusalKind.Conflict, sent.ReviseDraft(sent.Code, Terms, CatalogDirectory.Card(Ward), new Dictionary<string, UnitCard>(), "{}", Citizen)?.Kind);

        var draft = Draft();
        Assert.Equal(RefusalKind.Forbidden, draft.ReviseDraft(draft.Code, Terms, CatalogDirectory.Card(Ward), new Dictionary<string, UnitCard>(), "{}", OtherCitizen)?.Kind);
        Assert.Equal("{}", draft.FormJson);
    }

    [Fact]
    public void A_supplement_that_asks_for_corrected_answers_needs_them_and_takes_them()
    {
        var a = In(ApplicationStatus.InProgress);
        a.Do(ApplicationAction.RequestSupplement, Specialist, request: new TransitionRequest(ApplicationAction.RequestSupplement,
            Items: [new SupplementItem("Ngày sinh của trẻ", "Khác với giấy chứng sinh", "ngaySinhTre")]));

        var without = a.Apply(new TransitionRequest(ApplicationAction.Supplement), Citizen, Time, Monday + Duration.FromHours(3));
        Assert.Equal(RefusalKind.Invalid, without?.Kind);
        Assert.Contains("Ngày sinh của trẻ", without!.Message, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.SupplementRequested, a.Status);

        a.Do(ApplicationAction.Supplement, Citizen, Monday + Duration.FromHours(3), new TransitionRequest(ApplicationAction.Supplement, FormJson: """{"ngaySinhTre":"2026-11-20"}"""));
        Assert.Equal(ApplicationStatus.InProgress, a.Status);
        Assert.Equal("""{"ngaySinhTre":"2026-11-20"}""", a.FormJson);
    }

    [Fact]
    public void Answers_cannot_be_changed_by_a_supplement_that_asked_only_for_documents()
    {
        var a = In(ApplicationStatus.SupplementRequested);
        var refused = a.Apply(new TransitionRequest(ApplicationAction.Supplement, FormJson: """{"x":1}"""), Citizen, Time, Monday + Duration.FromHours(3));
        Assert.Equal(RefusalKind.Invalid, refused?.Kind);
        Assert.Equal("{}", a.FormJson);
    }
}
