tracebriefSearch.terms("sh",{"share":"l,1"});
