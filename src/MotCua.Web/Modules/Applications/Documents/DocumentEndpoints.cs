using System.Security.Cryptography;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Common.Storage;
using MotCua.Web.Common.Text;
using MotCua.Web.Modules.Applications.Access;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Applications.Queries;
using NodaTime;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Applications.Public;

namespace MotCua.Web.Modules.Applications.Documents;

public sealed record UploadedDocument(Guid Id, DocumentKind Kind, string Name, string FileName, string ContentType, long Size, bool Digitized, bool MissingDocuments);

/// <summary>Stores one uploaded file for an application after checking who sends it, when, its size and its real type.</summary>
public sealed class DocumentUpload(MotCuaDbContext db, ApplicationAccess access, CatalogDirectory catalog, IFileStorage storage, IClock clock)
{
    public sealed record Uploaded(ApplicationDocument Document, Application Application);

    public async Task<Result<Uploaded>> UploadAsync(
        ClaimsPrincipal user, string code, IFormFile? file, string? name, DocumentKind kind, CancellationToken cancellationToken)
    {
        string? storedKey = null;
        for (var attempt = 0; ; attempt++)
        {
            var (caller, application) = await QueryEndpoints.LoadVisibleAsync(db, access, user, code, track: true, cancellationToken);
            if (application is null)
            {
                return ApplicationFailures.NotFound(code);
            }

            var allowed = kind == DocumentKind.Result ? application.AcceptsResultFrom(caller!.Actor) : application.AcceptsDocumentsFrom(caller!.Actor);
            if (!allowed)
            {
                return kind == DocumentKind.Result
                    ? Failure.Forbidden("Chỉ cán bộ đang giữ bước xử lý hiện tại (hoặc lãnh đạo phê duyệt ở bước cuối) mới đính kèm văn bản kết quả.")
                    : Failure.Conflict($"Không thể đính kèm giấy tờ khi hồ sơ đang ở trạng thái “{application.Status.Vietnamese()}”.");
            }

            if (file is null || file.Length == 0)
            {
                return Failure.Invalid("Chọn tệp cần đính kèm.", ("file", "Chọn một tệp PDF, JPG hoặc PNG."));
            }

            if (file.Length > FileTypes.MaxBytes)
            {
                return Failure.Invalid("Tệp quá lớn.", ("file", "Mỗi tệp tối đa 10 MB."));
            }

            var documentName = TextRules.Normalize(name);
            if (documentName is null || TextRules.Problem(documentName, TextLimits.DocumentName) is not null)
            {
                return Failure.Invalid("Ghi rõ đây là giấy tờ gì.", ("name",
                    documentName is null ? "Nhập tên giấy tờ (ví dụ: Giấy chứng sinh)." : "Tên giấy tờ: " + TextRules.Problem(documentName, TextLimits.DocumentName)));
            }

            var count = await db.Set<ApplicationDocument>().CountAsync(d => d.ApplicationId == application.Id, cancellationToken);
            if (count >= FileTypes.MaxPerApplication)
            {
                return Failure.Conflict($"Mỗi hồ sơ đính kèm tối đa {FileTypes.MaxPerApplication} tệp.");
            }

            string contentType;
            string sha;
            await using (var buffer = new MemoryStream())
            {
                await file.CopyToAsync(buffer, cancellationToken);
                var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
                var sniffed = FileTypes.Sniff(bytes[..Math.Min(16, bytes.Length)]);
                if (sniffed is null)
                {
                    return Failure.Invalid("Định dạng tệp không được chấp nhận.", ("file", "Chỉ nhận tệp PDF, JPG hoặc PNG (kiểm tra theo nội dung tệp)."));
                }

                contentType = sniffed;
                sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
                buffer.Position = 0;
                storedKey ??= await storage.SaveAsync(buffer, cancellationToken);
            }

            var fileName = SafeName(file.FileName, contentType);
            var digitized = caller.IsOfficer && application.Channel is Channel.Counter or Channel.Postal;
            var document = new ApplicationDocument(application.Id, kind, documentName, fileName, contentType, file.Length, sha, storedKey, digitized, caller.User.Id, clock.GetCurrentInstant());
            db.Add(document);

            var stillMissing = application.MissingDocuments;
            if (kind == DocumentKind.Input)
            {
                var procedure = await catalog.ProcedureAsync(application.ProcedureId, application.ProcedureVersion, cancellationToken)
                    ?? throw new InvalidOperationException($"Procedure {application.ProcedureId} of application {application.Code} is gone.");
                var names = await db.Set<ApplicationDocument>().Where(d => d.ApplicationId == application.Id && d.Kind == DocumentKind.Input)
                    .Select(d => d.Name).ToListAsync(cancellationToken);
                names.Add(document.Name);
                stillMissing = MissingAny(procedure, application, names);
            }

            application.RecordDocumentAdded(stillMissing);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new Uploaded(document, application);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 50)
            {
                // Another upload (or an action) changed the application at the same moment: count again.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// A document taken off a draft (removed or replaced before sending): a sent application's documents are part of
    /// its record and stay.
    /// </summary>
    public async Task<Failure?> RemoveFromDraftAsync(ClaimsPrincipal user, string code, Guid documentId, CancellationToken cancellationToken)
    {
        var (caller, application) = await QueryEndpoints.LoadVisibleAsync(db, access, user, code, track: true, cancellationToken);
        if (application is null)
        {
            return ApplicationFailures.NotFound(code);
        }

        if (application.Status != ApplicationStatus.Draft || !application.AcceptsDocumentsFrom(caller!.Actor))
        {
            return Failure.Conflict("Chỉ gỡ được giấy tờ khỏi bản nháp chưa gửi.");
        }

        var document = await db.Set<ApplicationDocument>().SingleOrDefaultAsync(d => d.Id == documentId && d.ApplicationId == application.Id && d.Kind == DocumentKind.Input, cancellationToken);
        if (document is null)
        {
            return null;
        }

        db.Remove(document);
        var procedure = await catalog.ProcedureAsync(application.ProcedureId, application.ProcedureVersion, cancellationToken);
        var names = await db.Set<ApplicationDocument>().Where(d => d.ApplicationId == application.Id && d.Kind == DocumentKind.Input && d.Id != documentId)
            .Select(d => d.Name).ToListAsync(cancellationToken);
        application.RecordDocumentAdded(procedure is null || MissingAny(procedure, application, names));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict("Bản nháp vừa được thay đổi ở nơi khác. Tải lại trang.");
        }

        // The file goes after the row: a crash in between leaves an unreferenced file, never a row without its file.
        await storage.DeleteAsync(document.StorageKey, cancellationToken);
        return null;
    }

    /// <summary>Whether a document the procedure requires for this channel is not among <paramref name="attached"/>.</summary>
    private static bool MissingAny(ProcedureTerms procedure, Application application, IReadOnlyCollection<string> attached) =>
        Submit.NationalDataLookup.StillMissing(procedure, application.Channel.IsOnline(), attached, application.NationalData);

    /// <summary>Keeps only a plain file name with the extension of its real type.</summary>
    internal static string SafeName(string? uploaded, string contentType)
    {
        var stem = Path.GetFileNameWithoutExtension(uploaded ?? "tep");
        var clean = new string(stem.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.').ToArray()).Trim();
        return (clean.Length == 0 ? "tep" : clean[..Math.Min(clean.Length, 100)]) + FileTypes.Extension(contentType);
    }
}

internal static class DocumentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var secured = api.MapGroup(string.Empty).RequireAuthorization(Identity.IdentityModule.ApiPolicy);
        secured.MapPost("/applications/{code}/attachments", Upload)
            .WithName("AttachDocument")
            .WithSummary("Đính kèm giấy tờ (multipart: file, name, kind=Input|Result); PDF, JPG, PNG tối đa 10 MB")
            .DisableAntiforgery(); // bearer tokens only: no ambient credential to forge
        secured.MapGet("/applications/{code}/attachments/{id:guid}", Download)
            .WithName("DownloadDocument")
            .WithSummary("Tải một giấy tờ hoặc văn bản kết quả của hồ sơ");
    }

    private static async Task<Results<Created<UploadedDocument>, ProblemHttpResult>> Upload(
        string code, IFormFile? file, [Microsoft.AspNetCore.Mvc.FromForm] string? name, [Microsoft.AspNetCore.Mvc.FromForm] string? kind,
        HttpRequest request, ClaimsPrincipal user, DocumentUpload upload, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType && request.Form.Files.Count > 1)
        {
            return Problems.Validation("Mỗi lần gửi một tệp.", ("file", "Mỗi lần đính kèm một tệp; gửi các tệp khác trong những lần sau."));
        }

        var documentKind = DocumentKind.Input;
        if (kind is not null && !Common.Text.EnumNames.TryParse(kind, out documentKind, ignoreCase: true))
        {
            return Problems.Validation("Loại giấy tờ không hợp lệ.", ("kind", "Loại phải là Input hoặc Result."));
        }

        var uploaded = await upload.UploadAsync(user, code, file, name, documentKind, cancellationToken);
        if (uploaded.Failure is { } failure)
        {
            return failure.ToProblem();
        }

        var (d, application) = uploaded.Value!;
        return TypedResults.Created($"/api/v1/applications/{code}/attachments/{d.Id}",
            new UploadedDocument(d.Id, d.Kind, d.Name, d.FileName, d.ContentType, d.Size, d.Digitized, application.MissingDocuments));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(
        string code, Guid id, ClaimsPrincipal user, MotCuaDbContext db, ApplicationAccess access, IFileStorage storage, CancellationToken cancellationToken)
    {
        var (_, application) = await QueryEndpoints.LoadVisibleAsync(db, access, user, code, track: false, cancellationToken);
        var document = application is null ? null
            : await db.Set<ApplicationDocument>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.ApplicationId == application.Id, cancellationToken);
        if (document is null)
        {
            return Problems.NotFound("Không tìm thấy giấy tờ này.");
        }

        // Always a download with its checked type: an uploaded file is never rendered as a page of this site.
        var stream = await storage.OpenReadAsync(document.StorageKey, cancellationToken);
        return TypedResults.File(stream, document.ContentType, document.FileName);
    }
}
