using Microsoft.AspNetCore.Http.Features;
using MotCua.Web.Common.Text;

namespace MotCua.Web.Common.Web;

/// <summary>
/// Refuses, before any page or endpoint runs, a request whose address, query or form fields carry characters no person
/// types (NUL and other control characters, U+FFFE, lone surrogates), and caps what an API request may send. JSON
/// bodies are checked by <see cref="ApiJson"/>, field by field. The rest of the checks (length per field, meaning)
/// belong to each use case.
/// </summary>
public sealed class InputGuard(RequestDelegate next)
{
    /// <summary>A JSON request to the API: an application with its e-form is a few kilobytes.</summary>
    public const long MaxApiJsonBytes = 1024 * 1024;

    /// <summary>A multipart request to the API: one attachment (10 MB) and its fields.</summary>
    /// <remarks>Well above the 10 MB a file may have, so a slightly larger file still gets the plain "tối đa 10 MB" answer.</remarks>
    public const long MaxApiMultipartBytes = 32 * 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The error page re-runs the pipeline for the same request: it has been judged already.
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null
            || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }

        var request = context.Request;
        if (WebPlatform.IsApi(context))
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.Bytes
                ?? (request.HasFormContentType ? MaxApiMultipartBytes : MaxApiJsonBytes);
            if (request.ContentLength > limit)
            {
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            }

            // A body without a length (chunked) is cut off by the server at the same limit.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }

            if (request.HasJsonContentType() && request.ContentLength is not 0 && !HttpMethods.IsGet(request.Method))
            {
                // JSON is UTF-8 (RFC 8259 §8.1): another charset is not understood, rather than guessed.
                if (Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
                    && type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
                    && !type.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
                {
                    throw new BadHttpRequestException("Unsupported charset.", StatusCodes.Status415UnsupportedMediaType);
                }

                await CheckWellFormedJsonAsync(context);
            }
        }

        if (!TextRules.IsClean(request.Path.Value))
        {
            throw new InputRejectedException("path", TextRules.UncleanMessage);
        }

        foreach (var (key, values) in request.Query)
        {
            Check(key, values);
        }

        if (request.HasFormContentType && !HttpMethods.IsGet(request.Method))
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or IOException && e is not BadHttpRequestException)
            {
                // A broken multipart body, or more fields than the form limits allow.
                throw new BadHttpRequestException("The form could not be read.", StatusCodes.Status400BadRequest, e);
            }

            foreach (var (key, values) in form)
            {
                Check(key, values);
            }

            foreach (var file in form.Files)
            {
                Check(file.Name, file.FileName);
            }
        }

        await next(context);
    }

    /// <summary>
    /// A body that is not JSON at all is refused before anything else, whoever sends it (signed in or not): the answer
    /// is the same 400 naming the body. Field by field checks stay with the endpoint and <see cref="ApiJson"/>.
    /// </summary>
    private static async Task CheckWellFormedJsonAsync(HttpContext context)
    {
        var request = context.Request;
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        request.Body.Position = 0;
        if (buffer.Length == 0)
        {
            return;
        }

        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            throw new BadHttpRequestException("Failed to read parameter \"body\" from the request body as JSON.", StatusCodes.Status400BadRequest,
                new System.Text.Json.JsonException(TextRules.UncleanMessage));
        }

        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(bytes);
            while (reader.Read())
            {
            }
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new BadHttpRequestException("Failed to read parameter \"body\" from the request body as JSON.", StatusCodes.Status400BadRequest, e);
        }
    }

    private static void Check(string key, Microsoft.Extensions.Primitives.StringValues values)
    {
        if (!TextRules.IsClean(key))
        {
            throw new InputRejectedException("request", TextRules.UncleanMessage);
        }

        foreach (var value in values)
        {
            if (!TextRules.IsClean(value))
            {
                throw new InputRejectedException(key, TextRules.UncleanMessage);
            }
        }
    }
}
