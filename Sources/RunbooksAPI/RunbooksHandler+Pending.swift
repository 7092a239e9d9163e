import AWSProtocol
import SSMModel

extension RunbooksHandler {
    /// Not served yet (issue #10).
    public func addTagsToResource(_ input: SSM.AddTagsToResourceRequest, context: AWSRequestContext) async throws -> SSM.AddTagsToResourceResult {
        throw AWSError.notImplemented("AddTagsToResource")
    }

    /// Not served yet (issue #10).
    public func describeDocumentPermission(_ input: SSM.DescribeDocumentPermissionRequest, context: AWSRequestContext) async throws
        -> SSM.DescribeDocumentPermissionResponse
    {
        throw AWSError.notImplemented("DescribeDocumentPermission")
    }

    /// Not served yet (issue #10).
    public func listTagsForResource(_ input: SSM.ListTagsForResourceRequest, context: AWSRequestContext) async throws -> SSM.ListTagsForResourceResult
    {
        throw AWSError.notImplemented("ListTagsForResource")
    }

    /// Not served yet (issue #10).
    public func modifyDocumentPermission(_ input: SSM.ModifyDocumentPermissionRequest, context: AWSRequestContext) async throws
        -> SSM.ModifyDocumentPermissionResponse
    {
        throw AWSError.notImplemented("ModifyDocumentPermission")
    }

    /// Not served yet (issue #10).
    public func removeTagsFromResource(_ input: SSM.RemoveTagsFromResourceRequest, context: AWSRequestContext) async throws
        -> SSM.RemoveTagsFromResourceResult
    {
        throw AWSError.notImplemented("RemoveTagsFromResource")
    }
}
