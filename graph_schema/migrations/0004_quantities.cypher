// The quantity graph: one node per quantity kind a tool takes or gives.
CREATE CONSTRAINT quantity_id IF NOT EXISTS FOR (n:Quantity) REQUIRE n.id IS UNIQUE;
