package org.casebridge.graphql;

import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@GraphQLApi
public class NodeApi {

    private final Map<String, NodeLoader> loaders;

    public NodeApi(Instance<NodeLoader> loaders) {
        this.loaders = loaders.stream().collect(Collectors.toMap(NodeLoader::type, Function.identity()));
    }

    @Query
    @Description("Refetches any object by its global ID.")
    public Node node(@Id @NonNull String id) {
        GlobalId decoded = GlobalId.decode(id, "id");
        NodeLoader loader = loaders.get(decoded.type());
        if (loader == null) {
            throw ApiException.notFound("Node");
        }
        return loader.load().apply(decoded.uuid()).orElseThrow(() -> ApiException.notFound(decoded.type()));
    }
}
