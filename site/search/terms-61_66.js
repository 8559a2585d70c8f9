tracebriefSearch.terms("af",{"after":"0"});
