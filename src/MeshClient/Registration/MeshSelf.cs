namespace MeshClient.Registration;

/// <summary>How packages name this process when it has no registered identity yet.</summary>
public static class MeshSelf
{
    /// <summary>
    /// The instance id of this process's own signals (the anomaly feed's series of the requests it serves) before or
    /// without registration, and the word recovery policies use for this process (<c>Instance: self</c>).
    /// </summary>
    public const string InstanceId = "self";
}
