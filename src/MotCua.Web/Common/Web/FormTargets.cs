namespace MotCua.Web.Common.Web;

/// <summary>
/// Outside origins a page's form may send the browser on to (the Content-Security-Policy's form-action): a payment
/// form posts to the portal, which answers with a redirect to the gateway, and browsers apply form-action to that
/// redirect too. Modules register one per origin they need; anything else stays refused.
/// </summary>
public interface IFormTargets
{
    IEnumerable<Uri> Origins { get; }
}
