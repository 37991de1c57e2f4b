using System.Net;
using System.Text.Json;
using MotCua.IntegrationTests.Infrastructure;
using static MotCua.IntegrationTests.Modules.Applications.LifecycleApi;

namespace MotCua.IntegrationTests.Modules.Applications;

public abstract class ApplicationLifecycleTests(MotCuaApp app)
{
    [Fact]
    public async Task A_citizen_submits_online_and_gets_a_code_and_a_due_date()
    {
        var citizen = await app.ApiClientFor("citizen1");
        using var response = await SubmitAsync(citizen, new { procedureCode = Birth, unitId = await WardIdAsync(app), form = BirthForm() });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        var code = body.GetProperty("code").GetString()!;
        Assert.Matches(@"^000\.01\.00\.H99-\d{6}-\d{4}$", code);
        Assert.Equal("Submitted", body.GetProperty("status").GetString());
        Assert.EndsWith("+07:00", body.GetProperty("dueAt").GetString(), StringComparison.Ordinal);
        Assert.Equal($"/api/v1/applications/{code}", response.Headers.Location?.OriginalString);

        var view = await citizen.GetJsonAsync($"/api/v1/applications/{code}");
        Assert.Equal("OnlineRemote", view.GetProperty("channel").GetString());
        Assert.Equal(1, view.GetProperty("nationalStatus").GetInt32());
        Assert.True(view.GetProperty("missingDocuments").GetBoolean());
        Assert.Equal("submit", view.GetProperty("history")[0].GetProperty("action").GetString());
    }

    [Fact]
    public async Task The_same_idempotency_key_makes_one_application_even_when_sent_twice_at_once()
    {
        var citizen = await app.ApiClientFor("citizen2");
        var body = new { procedureCode = Birth, unitId = await WardIdAsync(app), form = BirthForm("Trần Gia Hân") };
        var key = Guid.NewGuid().ToString();
        var responses = await Task.WhenAll(SubmitAsync(citizen, body, key), SubmitAsync(citizen, body, key));
        var codes = new List<string>();
        foreach (var r in responses)
        {
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            codes.Add((await r.ReadJsonAsync()).GetProperty("code").GetString()!);
            r.Dispose();
        }

        Assert.Single(codes.Distinct());
        using var again = await SubmitAsync(citizen, body, key);
        Assert.Equal(codes[0], (await again.ReadJsonAsync()).GetProperty("code").GetString());
        using var other = await SubmitAsync(citizen, body, Guid.NewGuid().ToString());
        Assert.NotEqual(codes[0], (await other.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_form_with_mistakes_is_refused_field_by_field_in_vietnamese_and_nothing_is_created()
    {
        var citizen = await app.ApiClientFor("citizen1");
        var before = (await citizen.GetJsonAsync("/api/v1/applications?mine=true")).GetProperty("total").GetInt32();
        using var response = await SubmitAsync(citizen, new
        {
            procedureCode = Birth,
            unitId = await WardIdAsync(app),
            form = new { hoTenTre = "Nguyễn Minh Khôi", ngaySinhTre = "hôm qua", gioiTinhTre = "Khác", soDienThoai = "12345" },
        });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal("Nhập nơi sinh.", errors.GetProperty("form.noiSinh")[0].GetString());
        Assert.Contains("Số điện thoại liên hệ", errors.GetProperty("form.soDienThoai")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("trong danh sách", errors.GetProperty("form.gioiTinhTre")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("form.ngaySinhTre", out _));
        Assert.Equal(before, (await citizen.GetJsonAsync("/api/v1/applications?mine=true")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_unknown_procedure_or_a_unit_that_does_not_handle_it_is_a_400()
    {
        var citizen = await app.ApiClientFor("citizen1");
        using var unknown = await SubmitAsync(citizen, new { procedureCode = "9.999999", unitId = await WardIdAsync(app), form = new { } });
        Assert.True((await unknown.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("procedureCode", out _));

        var units = await app.CreateClient().GetJsonAsync("/api/v1/units");
        var province = units.EnumerateArray().First(u => u.GetProperty("parentId").ValueKind == JsonValueKind.Null).GetProperty("id").GetInt32();
        using var wrongUnit = await SubmitAsync(citizen, new { procedureCode = Birth, unitId = province, form = BirthForm() });
        Assert.True((await wrongUnit.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("unitId", out _));
    }

    [Fact]
    public async Task Information_only_procedures_refuse_online_and_online_only_ones_refuse_the_counter()
    {
        var procedures = await app.CreateClient().GetJsonAsync("/api/v1/procedures?onlineLevel=Info&pageSize=100");
        var infoWithUnit = procedures.GetProperty("items").EnumerateArray().FirstOrDefault(p => p.GetProperty("unitIds").GetArrayLength() > 0);
        var citizen = await app.ApiClientFor("citizen1");
        if (infoWithUnit.ValueKind == JsonValueKind.Object)
        {
            using var online = await SubmitAsync(citizen, new { procedureCode = infoWithUnit.GetProperty("code").GetString(), unitId = infoWithUnit.GetProperty("unitIds")[0].GetInt32(), form = new { } });
            Assert.Equal(HttpStatusCode.Conflict, online.StatusCode);
        }

        var reception = await app.ApiClientFor("reception1");
        using var counter = await SubmitAsync(reception, new
        {
            procedureCode = "2.000986",
            unitId = await WardIdAsync(app),
            channel = "Counter",
            form = new { },
            applicant = new { name = "Lê Văn Tám", identityNumber = "001080000008", phone = "0988000008" },
        });
        var problem = await counter.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("chỉ nhận hồ sơ trực tuyến", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_whole_path_from_submission_to_returned_result()
    {
        var citizen = await app.ApiClientFor("citizen1");
        var reception = await app.ApiClientFor("reception1");
        var specialist = await app.ApiClientFor("specialist1");
        var leader = await app.ApiClientFor("leader1");

        var code = await SubmitBirthAsync(app, citizen);
        using (var a = await AttachAsync(citizen, code, BirthDeclaration, Pdf)) { Assert.Equal(HttpStatusCode.Created, a.StatusCode); }
        using (var b = await AttachAsync(citizen, code, BirthCertificate, Pdf))
        {
            Assert.Equal(HttpStatusCode.Created, b.StatusCode);
            Assert.False((await b.ReadJsonAsync()).GetProperty("missingDocuments").GetBoolean());
        }

        Assert.Contains(code, (await reception.GetJsonAsync("/api/v1/inbox")).GetProperty("items").Strings("code"));
        var received = await ActOkAsync(reception, code, new { action = "receive", note = "Đã nhận đủ hồ sơ", internalNote = "Đối chiếu bản chính khi trả" });
        Assert.Equal("InProgress", received.GetProperty("status").GetString());
        Assert.Equal("Specialist", received.GetProperty("currentStep").GetProperty("role").GetString());
        Assert.Equal(4, received.GetProperty("nationalStatus").GetInt32());

        Assert.Contains(code, (await specialist.GetJsonAsync("/api/v1/inbox")).GetProperty("items").Strings("code"));
        Assert.DoesNotContain(code, (await leader.GetJsonAsync("/api/v1/inbox")).GetProperty("items").Strings("code"));
        await ActOkAsync(specialist, code, new { action = "forward", note = "Hồ sơ hợp lệ, trình ký" });
        Assert.Contains(code, (await leader.GetJsonAsync("/api/v1/inbox")).GetProperty("items").Strings("code"));

        using (var noResult = await ActAsync(leader, code, new { action = "approve" }))
        {
            await noResult.AssertProblemAsync(HttpStatusCode.BadRequest);
        }

        using (var result = await AttachAsync(leader, code, "Giấy khai sinh (bản điện tử)", Pdf, "giay-khai-sinh.pdf", "Result"))
        {
            Assert.Equal(HttpStatusCode.Created, result.StatusCode);
        }

        var approved = await ActOkAsync(leader, code, new { action = "approve" });
        Assert.Equal("ResultReady", approved.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, approved.GetProperty("timeliness").ValueKind);

        var returned = await ActOkAsync(reception, code, new { action = "return-result", returnMethod = "Online" });
        Assert.Equal("Returned", returned.GetProperty("status").GetString());

        var mine = await citizen.GetJsonAsync($"/api/v1/applications/{code}");
        Assert.Equal("Returned", mine.GetProperty("status").GetString());
        Assert.Equal(10, mine.GetProperty("nationalStatus").GetInt32());
        Assert.Equal(["submit", "receive", "receive", "forward", "approve", "return-result"], mine.GetProperty("history").Strings("action"));
        Assert.All(mine.GetProperty("history").EnumerateArray(), h => Assert.Equal(JsonValueKind.Null, h.GetProperty("internalNote").ValueKind));
        Assert.Equal("Đã nhận đủ hồ sơ", mine.GetProperty("history")[1].GetProperty("note").GetString());

        var full = await reception.GetJsonAsync($"/api/v1/applications/{code}");
        Assert.Equal("Đối chiếu bản chính khi trả", full.GetProperty("history")[1].GetProperty("internalNote").GetString());

        var resultDocument = mine.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "Result");
        using var download = await citizen.GetAsync(new Uri($"/api/v1/applications/{code}/attachments/{resultDocument.GetProperty("id").GetString()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_wrong_role_or_a_wrong_status_is_refused_and_changes_nothing()
    {
        var citizen = await app.ApiClientFor("citizen1");
        var specialist = await app.ApiClientFor("specialist1");
        var reception = await app.ApiClientFor("reception1");
        var leader = await app.ApiClientFor("leader1");
        var code = await SubmitBirthAsync(app, citizen);

        using (var r = await ActAsync(specialist, code, new { action = "receive" })) { await r.AssertProblemAsync(HttpStatusCode.Forbidden); }
        using (var r = await ActAsync(citizen, code, new { action = "receive" })) { await r.AssertProblemAsync(HttpStatusCode.Forbidden); }
        await ActOkAsync(reception, code, new { action = "receive" });
        using (var r = await ActAsync(reception, code, new { action = "receive" })) { await r.AssertProblemAsync(HttpStatusCode.Conflict); }
        using (var r = await ActAsync(leader, code, new { action = "forward" })) { await r.AssertProblemAsync(HttpStatusCode.Forbidden); }
        using (var r = await ActAsync(specialist, code, new { action = "fly" }))
        {
            Assert.True((await r.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("action", out _));
        }

        var view = await citizen.GetJsonAsync($"/api/v1/applications/{code}");
        Assert.Equal("InProgress", view.GetProperty("status").GetString());
        Assert.Equal(3, view.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task A_citizen_sees_only_their_own_applications()
    {
        var code = await SubmitBirthAsync(app, await app.ApiClientFor("citizen1"));
        var other = await app.ApiClientFor("citizen2");
        using var response = await other.GetAsync(new Uri($"/api/v1/applications/{code}", UriKind.Relative));
        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(code, (await other.GetJsonAsync("/api/v1/applications?mine=true&pageSize=100")).GetProperty("items").Strings("code"));
        using var act = await ActAsync(other, code, new { action = "withdraw" });
        await act.AssertProblemAsync(HttpStatusCode.NotFound);
        using var attach = await AttachAsync(other, code, BirthCertificate, Pdf);
        await attach.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_pdf_jpeg_and_png_are_accepted_judged_by_content()
    {
        var citizen = await app.ApiClientFor("citizen1");
        var code = await SubmitBirthAsync(app, citizen);
        using var html = await AttachAsync(citizen, code, BirthCertificate, "<html><script>alert(1)</script></html>"u8.ToArray(), "giay-chung-sinh.pdf");
        var problem = await html.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));

        using var big = await AttachAsync(citizen, code, BirthCertificate, [.. Pdf, .. new byte[11 * 1024 * 1024]]);
        await big.AssertProblemAsync(HttpStatusCode.BadRequest);

        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };
        using var image = await AttachAsync(citizen, code, BirthCertificate, png, "anh.pdf");
        var stored = await image.ReadJsonAsync();
        Assert.Equal("image/png", stored.GetProperty("contentType").GetString());
        Assert.Equal("anh.png", stored.GetProperty("fileName").GetString());
        Assert.Single((await citizen.GetJsonAsync($"/api/v1/applications/{code}")).GetProperty("documents").EnumerateArray());
    }

    [Fact]
    public async Task A_supplement_is_asked_once_and_the_applicant_sends_it_back()
    {
        var citizen = await app.ApiClientFor("citizen2");
        var reception = await app.ApiClientFor("reception1");
        var specialist = await app.ApiClientFor("specialist1");
        var code = await SubmitBirthAsync(app, citizen, "Trần Bảo Ngọc");
        await ActOkAsync(reception, code, new { action = "receive" });

        using (var empty = await ActAsync(specialist, code, new { action = "request-supplement", items = Array.Empty<object>() }))
        {
            await empty.AssertProblemAsync(HttpStatusCode.BadRequest);
        }

        var asked = await ActOkAsync(specialist, code, new
        {
            action = "request-supplement",
            note = "Bổ sung giấy chứng sinh bản rõ nét",
            items = new[] { new { name = BirthCertificate, reason = "Bản chụp bị mờ, không đọc được số" } },
        });
        Assert.Equal("SupplementRequested", asked.GetProperty("status").GetString());
        Assert.Contains(code, (await citizen.GetJsonAsync("/api/v1/inbox")).GetProperty("items").Strings("code"));

        using (var upload = await AttachAsync(citizen, code, BirthCertificate, Pdf)) { Assert.Equal(HttpStatusCode.Created, upload.StatusCode); }
        var back = await ActOkAsync(citizen, code, new { action = "supplement", note = "Đã gửi bản rõ nét" });
        Assert.Equal("InProgress", back.GetProperty("status").GetString());
        Assert.Equal("Specialist", back.GetProperty("currentStep").GetProperty("role").GetString());

        using var twice = await ActAsync(specialist, code, new { action = "request-supplement", items = new[] { new { name = "Khác", reason = "Khác" } } });
        await twice.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_withdrawal_before_reception_ends_the_application()
    {
        var citizen = await app.ApiClientFor("citizen1");
        var code = await SubmitBirthAsync(app, citizen);
        var withdrawn = await ActOkAsync(citizen, code, new { action = "withdraw", note = "Nộp nhầm" });
        Assert.Equal("Withdrawn", withdrawn.GetProperty("status").GetString());
        using var late = await ActAsync(await app.ApiClientFor("reception1"), code, new { action = "receive" });
        await late.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_desk_keys_in_a_walk_in_application_and_scans_its_papers()
    {
        var reception = await app.ApiClientFor("reception1");
        using var response = await SubmitAsync(reception, new
        {
            procedureCode = Birth,
            unitId = await WardIdAsync(app),
            channel = "Counter",
            form = BirthForm("Lê Thảo Vy"),
            applicant = new { name = "Lê Văn Tám", identityNumber = "001080000008", phone = "0988000008", address = "Tổ 3, phường An Phú" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var code = (await response.ReadJsonAsync()).GetProperty("code").GetString()!;

        using var scan = await AttachAsync(reception, code, BirthCertificate, Pdf, "scan.pdf");
        Assert.True((await scan.ReadJsonAsync()).GetProperty("digitized").GetBoolean());
        var received = await ActOkAsync(reception, code, new { action = "receive" });
        Assert.Equal("Counter", received.GetProperty("channel").GetString());
        Assert.Equal("Lê Văn Tám", received.GetProperty("applicantName").GetString());

        using var missingApplicant = await SubmitAsync(reception, new { procedureCode = Birth, unitId = await WardIdAsync(app), channel = "Postal", form = BirthForm() });
        Assert.True((await missingApplicant.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("applicant.name", out _));
    }

    [Fact]
    public async Task An_officer_submits_for_a_citizen_from_their_account_only_with_consent()
    {
        var reception = await app.ApiClientFor("reception1");
        var body = new { procedureCode = Birth, unitId = await WardIdAsync(app), channel = "OnlineAssisted", applicantUserName = "citizen2", form = BirthForm("Trần An Nhiên") };
        using (var noConsent = await SubmitAsync(reception, body))
        {
            Assert.True((await noConsent.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("consent", out _));
        }

        // Consent alone is not enough: how it was given is recorded too.
        using (var noMethod = await SubmitAsync(reception, new { body.procedureCode, body.unitId, body.channel, body.applicantUserName, body.form, consent = true }))
        {
            Assert.True((await noMethod.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("consentMethod", out _));
        }

        using var response = await SubmitAsync(reception, new { body.procedureCode, body.unitId, body.channel, body.applicantUserName, body.form, consent = true, consentMethod = "Phone" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var code = (await response.ReadJsonAsync()).GetProperty("code").GetString()!;
        var citizen = await app.ApiClientFor("citizen2");
        var view = await citizen.GetJsonAsync($"/api/v1/applications/{code}");
        Assert.Equal("OnlineAssisted", view.GetProperty("channel").GetString());
        Assert.Equal("Nộp thay bởi Lê Thị Thu; Trần Thị Bình đồng ý qua điện thoại để nộp từ tài khoản của Trần Thị Bình.", view.GetProperty("consent").GetString());

        // The citizen's own history says who filed it and how they agreed.
        var submitted = view.GetProperty("history")[0];
        Assert.Equal("Lê Thị Thu", submitted.GetProperty("actorName").GetString());
        Assert.Contains("Trần Thị Bình đồng ý qua điện thoại", submitted.GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anyone_can_track_an_application_by_code_without_personal_data()
    {
        var code = await SubmitBirthAsync(app, await app.ApiClientFor("citizen1"));
        using var response = await app.CreateClient().GetAsync(new Uri($"/api/v1/tracking/{code}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var tracking = JsonDocument.Parse(text).RootElement;
        Assert.Equal(code, tracking.GetProperty("code").GetString());
        Assert.Equal("Đăng ký khai sinh", tracking.GetProperty("procedureName").GetString());
        Assert.Equal("UBND phường An Phú", tracking.GetProperty("unitName").GetString());
        Assert.Equal("Submitted", tracking.GetProperty("status").GetString());
        Assert.DoesNotContain("Nguyễn Văn An", text, StringComparison.Ordinal);
        Assert.DoesNotContain("001090000001", text, StringComparison.Ordinal);

        using var unknown = await app.CreateClient().GetAsync(new Uri("/api/v1/tracking/000.01.00.H99-000101-9999", UriKind.Relative));
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_api_needs_a_token()
    {
        using var response = await SubmitAsync(app.CreateClient(), new { procedureCode = Birth, unitId = 1, form = new { } });
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ApplicationLifecycleOnSqlite(SqliteApp app) : ApplicationLifecycleTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ApplicationLifecycleOnPostgres(PostgresApp app) : ApplicationLifecycleTests(app);
