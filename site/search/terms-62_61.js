tracebriefSearch.terms("ba",{"backstop":"0,n,2"});
